from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Jobba i Sverige: site"

    def ready(self):
        from django.db.models.signals import post_migrate, post_save, pre_save
        from wagtail.users.models import UserProfile

        from cms import checks  # noqa: F401  registers the catalogue and SITE_URL checks
        from dialogue.models import Agency

        post_migrate.connect(_sync_roles, dispatch_uid="cms-sync-roles")
        # After the roles, which may make a permission of their own.
        post_migrate.connect(_swedish_permission_names, dispatch_uid="cms-permission-names")
        post_save.connect(_approver_group, sender=Agency, dispatch_uid="cms-approver-group")
        pre_save.connect(_swedish_only, sender=UserProfile, dispatch_uid="cms-swedish-only")


def _after_the_last_app(sender, using) -> bool:
    """True for the last app of a migrate, once every app's permissions exist.

    Our handlers run before auth's own for that app, so its permissions are made here first.
    """
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    # Django signals post_migrate only for apps with models: the last of those.
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender.label != with_models[-1].label:
        return False
    create_permissions(sender, verbosity=0, using=using)
    return True


def _sync_roles(sender, using="default", **kwargs):
    from cms import roles

    # After the last app only, so that every app's permissions exist for the administrators.
    if _after_the_last_app(sender, using):
        roles.sync_roles()


def _swedish_permission_names(sender, using="default", **kwargs):
    """Django, Wagtail and the roles name their permissions in English; staff read Swedish."""
    from cms import permission_names

    if _after_the_last_app(sender, using):
        permission_names.make_swedish(using)


def _approver_group(sender, instance, raw=False, **kwargs):
    """A new agency gets its approver group at once (not while a backup is restored)."""
    from cms import roles

    if not raw and instance.approvers_id is None:
        roles.ensure_approver_group(instance)


def _swedish_only(sender, instance, **kwargs):
    """The staff side speaks Swedish: a language outside the permitted ones is not kept."""
    from django.conf import settings

    permitted = {code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES}
    if instance.preferred_language and instance.preferred_language not in permitted:
        instance.preferred_language = ""
