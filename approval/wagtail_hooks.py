"""The dashboard: each role is greeted with its work."""

from wagtail import hooks

from approval import panels as admin_panels


@hooks.register("construct_homepage_panels")
def role_panels(request, panels):
    panels.extend(admin_panels.panels_for(request.user))
