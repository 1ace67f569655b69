from django.core import checks

from typeset import fonts


@checks.register(checks.Tags.compatibility)
def print_fonts_present(app_configs, **kwargs):
    """Start-up check: every enabled language's script has its print fonts (never a silent box)."""
    return [
        checks.Error(
            problem, hint="Install fonts-noto-core or set PRINT_FONT_DIRS.", id="print.E001"
        )
        for problem in fonts.check_all()
    ]
