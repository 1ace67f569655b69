"""A backup holds password hashes: only the account that wrote it may read it."""

import os
import stat
from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_media")]


@pytest.fixture
def open_umask():
    """The most open umask a cron job could run with: the archive must be private anyway."""
    before = os.umask(0)
    yield
    os.umask(before)


def test_backup_archive_is_readable_by_its_owner_only(tmp_path, open_umask):
    out = tmp_path / "jobba.tar.gz"
    call_command("backup", "--out", str(out), stdout=StringIO())
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert [path.name for path in tmp_path.iterdir()] == ["jobba.tar.gz"]  # no partial left
