"""/sitemap.xml: every public page in every language it can be read in, each with its
alternates (xhtml:link hreflang), on SITE_URL.

Django's sitemaps framework with its own `i18n` switched off: its alternates assume
`i18n_patterns` (a `/<lang>/` prefix of settings.LANGUAGES codes, x-default without it), while
here each page has its own set of languages (cms.share), tags that are not always the URL's
code (`fa-AF` for `/fa-af/`, none for easy-read Swedish) and its own x-default. QR pages are
left out: robots.txt keeps crawlers from them, as every opening is counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from cms import share
from dialogue import content_version


@dataclass(frozen=True)
class Page:
    path: str
    alternates: tuple[share.Alternate, ...] = ()


def pages() -> list[Page]:
    return content_version.cached("sitemap_pages", (), _pages)


def _pages() -> list[Page]:
    chooser = reverse("choose_language")

    def home(code):
        return reverse("life_event_list", args=[code])

    home_codes = share.home_languages()
    found = [Page(chooser, share.alternates(home_codes, home, chooser))]
    found += [Page(home(code), share.alternates(home_codes, home, chooser)) for code in home_codes]
    for slug, codes in share.event_language_map().items():

        def event(code, slug=slug):
            return reverse("life_event_detail", args=[code, slug])

        found += [Page(event(code), share.alternates(codes, event, event("sv"))) for code in codes]

    def statement(code):
        return reverse("accessibility_statement", args=[code])

    statements = share.alternates(share.STATEMENT_LANGUAGES, statement, statement("en"))
    found += [Page(statement(code), statements) for code in share.STATEMENT_LANGUAGES]
    found.append(Page(reverse("material")))  # for partners, in Swedish only
    return found


class PublicPages(Sitemap):
    changefreq = "weekly"

    def items(self):
        return pages()

    def location(self, item: Page) -> str:
        return item.path

    # Addresses on SITE_URL, whichever host the request came in on.
    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        parts = urlsplit(settings.SITE_URL)
        return parts.netloc + parts.path

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            url["alternates"] = [
                {"location": alternate.href, "lang_code": alternate.hreflang}
                for alternate in url["item"].alternates
            ]
        return urls


SITEMAPS = {"pages": PublicPages}
