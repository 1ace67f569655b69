from django.apps import AppConfig


class PrintConfig(AppConfig):
    # The app label "print" is fine for Django; the package is only imported by path.
    name = "print"
    verbose_name = "Print"

    def ready(self):
        from reportlab import rl_config

        from print import checks  # noqa: F401  registers the font check

        # ReportLab wraps every compressed stream in ASCII85, a 7-bit text armour that makes
        # fonts and pages a quarter larger and costs time; PDF has been binary-safe for decades.
        rl_config.useA85 = 0
