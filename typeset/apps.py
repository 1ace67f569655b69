from django.apps import AppConfig


class TypesetConfig(AppConfig):
    name = "typeset"
    verbose_name = "Typesetting"

    def ready(self):
        from reportlab import rl_config

        from typeset import checks  # noqa: F401  registers the font check

        # ReportLab wraps every compressed stream in ASCII85, a 7-bit text armour that makes
        # fonts and pages a quarter larger and costs time; PDF has been binary-safe for decades.
        rl_config.useA85 = 0
