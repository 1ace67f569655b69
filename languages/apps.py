from django.apps import AppConfig


class LanguagesConfig(AppConfig):
    name = "languages"
    verbose_name = "Languages"

    def ready(self):
        from django.conf import locale

        import languages

        # Django's LANG_INFO lacks so, ti, am, ps, ku, Dari and easy-read Swedish;
        # get_language_info() and the {% get_language_info %} tag need them.
        locale.LANG_INFO.update(languages.django_lang_info())
