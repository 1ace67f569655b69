"""Findability: /robots.txt, and the pictures chat apps show beside a shared link
(cms.share_images). /sitemap.xml is Django's view over cms.sitemaps."""

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from cms import share_images

# Crawlers read the public pages and /material/. They are kept from:
# - /admin/ and /print/: staff only;
# - /q/ and /audio/: every QR page opening and recording start is counted for follow-up, and a
#   crawler is no woman scanning a card (the same texts are on the life-event pages);
# - downloads that are built and counted (packs, the poster, offline kits), /api/ (for
#   programs, rate-limited) and /documents/.
ROBOTS = """User-agent: *
Disallow: /admin/
Disallow: /print/
Disallow: /q/
Disallow: /audio/
Disallow: /api/
Disallow: /documents/
Disallow: /material/*.zip
Disallow: /material/*.pdf
Disallow: /material/kit/
Allow: /

Sitemap: {site}/sitemap.xml
"""
DAY = 24 * 3600
YEAR = 365 * DAY


@require_safe
def robots_txt(request):
    response = HttpResponse(
        ROBOTS.format(site=settings.SITE_URL), content_type="text/plain; charset=utf-8"
    )
    patch_cache_control(response, public=True, max_age=DAY)
    return response


@require_safe
def share_image(request, name):
    """A share picture, made on its first GET (cms.share_images; a HEAD builds nothing). Its
    name carries its content's digest, so it is kept a year."""
    handle = share_images.picture(name, make=request.method == "GET")
    if handle is None:
        raise Http404("No such picture")
    response = FileResponse(handle, content_type="image/png")
    patch_cache_control(response, public=True, max_age=YEAR, immutable=True)
    return response
