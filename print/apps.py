from django.apps import AppConfig


class PrintConfig(AppConfig):
    # The app label "print" is fine for Django; the package is only imported by path.
    name = "print"
    verbose_name = "Print"

    def ready(self):
        from print import checks  # noqa: F401  registers the font check
