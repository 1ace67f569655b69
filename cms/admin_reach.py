"""What an admin user may open beyond what Wagtail checks itself.

Wagtail lets every user with admin access open every chooser (titles of drafts, offices, staff
profiles), the page API, tag look-ups and the site history. Two rules close that:

- a chooser lists a model only to users with a permission on that model;
- a confined role (`roles.CONFINED_ROLES`: follow-up) reaches its own admin views, the
  dashboard and its account, and nothing else.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.apps import apps
from django.urls import Resolver404, resolve, reverse
from wagtail.admin.views.generic import chooser
from wagtail.permissions import policy_registry

from cms import roles

# What every admin user needs to get in, out and around, whatever her role.
BASICS = frozenset(
    {
        "wagtailadmin_home",
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_account",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "wagtailadmin_dismissibles",
    }
)
CHOOSER_VIEWS = (
    chooser.BaseChooseView,
    chooser.ChosenViewMixin,
    chooser.ChosenMultipleViewMixin,
    chooser.CreateViewMixin,
)
# Any of these on a model lets a user choose among its objects.
CHOOSING = ("view", "add", "change", "choose")


def confined_to(user) -> frozenset[str] | None:
    """The admin views (URL names) a confined user may open, or None if she is not confined."""
    if not user.is_authenticated or user.is_superuser:
        return None
    if not hasattr(user, "_admin_reach"):
        # A user is confined when every group she is in is: one more group widens her reach.
        names = set(user.groups.values_list("name", flat=True))
        confined = bool(names) and names <= roles.CONFINED_ROLES.keys()
        areas = [view for name in names for view in roles.CONFINED_ROLES.get(name, ())]
        user._admin_reach = BASICS.union(areas) if confined else None
    return user._admin_reach


def may_choose(user, view_func) -> bool:
    """False for a chooser of a model the user holds no permission on."""
    view_class = getattr(view_func, "view_class", None)
    if view_class is None or not issubclass(view_class, CHOOSER_VIEWS) or user.is_superuser:
        return True
    model = getattr(view_func, "view_initkwargs", {}).get("model")
    if isinstance(model, str):
        model = apps.get_model(model)
    if model is None:
        return True
    return policy_registry.get_by_type(model).user_has_any_permission(user, CHOOSING)


def may_open(request, view_func) -> bool:
    """Whether the admin view the request resolved to is within the user's reach."""
    if not request.path.startswith(reverse("wagtailadmin_home")):
        # Public pages and the print station decide for themselves; asking who the user is
        # here would read the session and make every public page vary by cookie.
        return True
    user = request.user
    if not user.is_authenticated:
        return True  # Wagtail sends her to the login
    reach = confined_to(user)
    if reach is not None and request.resolver_match.view_name not in reach:
        return False
    return may_choose(user, view_func)


def may_follow(user, url: str) -> bool:
    """Whether a menu link leads somewhere within the user's reach (links off the site do)."""
    reach = confined_to(user)
    if reach is None or urlsplit(url).netloc:
        return True
    try:
        return resolve(urlsplit(url).path).view_name in reach
    except Resolver404:
        return False
