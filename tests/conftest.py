from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from dialogue import content_version


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the demo content; each test's changes are rolled back."""
    with django_db_blocker.unblock():
        call_command("load_demo", "--skip-audio", verbosity=0, stdout=StringIO())


@pytest.fixture(autouse=True)
def fresh_cache():
    """The cache outlives each test's rolled-back transaction: start every test without it (and
    without the content version this process holds, which names what the cache held)."""
    cache.clear()
    content_version.forget()
    yield
    cache.clear()
    content_version.forget()


@pytest.fixture
def english():
    """Messages in English; the Swedish ones are checked where the admin shows them."""
    with translation.override("en"):
        yield


@pytest.fixture
def empty_media(settings, tmp_path):
    """An empty media folder, so the print cache starts empty."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("testadmin", password="pw")


@pytest.fixture
def admin_client(admin_user):
    """A client of its own: a test that also takes `client` gets an anonymous visitor beside it."""
    from django.test import Client

    logged_in = Client()
    logged_in.force_login(admin_user)
    return logged_in
