from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path, register_converter
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.account import LoginView as AdminLogin
from wagtail.admin.views.account import LogoutView as AdminLogout
from wagtail.documents import urls as wagtaildocs_urls

from cms import limits, material_views, qr_views, share_views, sitemaps, station_views, views
from cms.converters import LanguageConverter
from publicapi import api as publicapi

register_converter(LanguageConverter, "lang")

urlpatterns = [
    # Before Wagtail's own: the same login view, rate limited against password guessing.
    path("admin/login/", limits.logins(AdminLogin.as_view()), name="wagtailadmin_login"),
    # Wagtail's own logout, as Wagtail wraps it, also telling the browser to forget what it kept.
    path(
        "admin/logout/",
        views.clears_site_data(require_admin_access(AdminLogout.as_view())),
        name="wagtailadmin_logout",
    ),
    # Admin addresses from before the models moved to their apps ([S]): bookmarks still work.
    re_path(
        r"^admin/snippets/dialogue/(?P<model>audiorecording|office|staffprofile|grouplanguages)/",
        views.moved_admin_snippet,
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("material/", material_views.material, name="material"),
    path("material/<slug:slug>/pack.zip", material_views.pack_download, name="pack_download"),
    path("material/poster.pdf", material_views.poster_download, name="poster_download"),
    path("material/feed.atom", material_views.material_feed, name="material_feed"),
    path(
        "material/kit/<slug:slug>/<lang:lang>.zip",
        material_views.kit_download,
        name="kit_download",
    ),
    path("print/", station_views.station, name="station"),
    path("print/pdf/", station_views.station_pdf, name="station_pdf"),
    path("print/recall/seen/", station_views.recall_seen, name="station_recall_seen"),
    path("print/login/", limits.logins(station_views.StationLogin.as_view()), name="station_login"),
    path(
        "print/logout/",
        views.clears_site_data(auth_views.LogoutView.as_view(next_page="station")),
        name="station_logout",
    ),
    path("q/<str:code>/", qr_views.card_any_language, name="qr_card_any"),
    path("q/<str:code>/<lang:lang>/", qr_views.card_in_language, name="qr_card"),
    path("q/<str:code>/<lang:lang>/feedback/", qr_views.card_feedback, name="qr_feedback"),
    # One view for every kind of recording the public hears (only cards' are counted).
    path(
        "audio/<int:pk>/<str:name>",
        qr_views.recording_audio,
        {"kind": "card"},
        name="audio_file",
    ),
    path(
        "audio/language-name/<int:pk>/<str:name>",
        qr_views.recording_audio,
        {"kind": "language_name"},
        name="language_name_audio",
    ),
    path(
        "audio/term/<int:pk>/<str:name>",
        qr_views.recording_audio,
        {"kind": "term"},
        name="term_audio",
    ),
    path("sw.js", qr_views.service_worker, name="service_worker"),
    path("robots.txt", share_views.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps.SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("share/<str:name>", share_views.share_image, name="share_image"),
    # The open read API (publicapi): before the language patterns, which "api/v1/" would match.
    path("api/v1/", publicapi.urls),
    path("", views.choose_language, name="choose_language"),
    path("<lang:lang>/", views.life_event_list, name="life_event_list"),
    path(
        "<lang:lang>/tillganglighet/",
        views.accessibility_statement,
        name="accessibility_statement",
    ),
    # A slug has no dot: neither address can be taken by a life event.
    path("<lang:lang>/offline.html", views.offline_page, name="offline_page"),
    path("<lang:lang>/<slug:slug>/", views.life_event_detail, name="life_event_detail"),
    path("<lang:lang>/<slug:slug>/offline.json", views.offline_manifest, name="offline_manifest"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "cms.views.page_not_found"
