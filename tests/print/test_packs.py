import hashlib
import io
import json
import zipfile
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from print import packs
from print.content import NotPrintable
from print.documents import base as renderer_base

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "empty_media")]


def test_pack_holds_cards_leaflets_poster_readme_and_a_true_manifest():
    data = packs.pack_zip("servicekontor", ["ar", "ti"])
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = archive.namelist()
    assert "README.txt" in names and "manifest.json" in names
    assert "jobba-i-sverige_servicekontor_ar_cards-a6.pdf" in names
    assert "jobba-i-sverige_servicekontor_ti_cards-4up.pdf" in names
    assert "jobba-i-sverige_servicekontor_ar_leaflet.pdf" in names
    assert "jobba-i-sverige_servicekontor_poster-a4.pdf" in names
    assert all(name.isascii() for name in names)
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["languages"] == ["ar", "ti"]
    assert {f["name"] for f in manifest["files"]} == set(names) - {"README.txt", "manifest.json"}
    for entry in manifest["files"]:
        assert hashlib.sha256(archive.read(entry["name"])).hexdigest() == entry["sha256"]
    assert "Innehållsversion" in archive.read("README.txt").decode()


def test_second_identical_pack_request_renders_nothing(monkeypatch):
    renders = []
    original = renderer_base.Renderer.render
    monkeypatch.setattr(
        renderer_base.Renderer, "render", lambda self: renders.append(1) or original(self)
    )
    first = packs.pack_zip("oppna-forskolan", ["so"])
    count = len(renders)
    assert count > 0
    assert packs.pack_zip("oppna-forskolan", ["so"]) == first
    assert len(renders) == count


@pytest.mark.parametrize(
    ("langs", "message"),
    [
        (["ps"], "not fully translated"),
        (["xx"], "Unknown language"),
        ([], "at least one language"),
        (["ar"] * 30, "At most"),
    ],
)
def test_bad_requests_are_refused(langs, message):
    with pytest.raises(NotPrintable, match=message):
        packs.pack_zip(
            "servicekontor",
            packs.parse_languages(",".join(langs)) if langs and len(langs) < 26 else langs,
        )


def test_build_pack_command(tmp_path):
    out = tmp_path / "pack.zip"
    call_command(
        "build_pack",
        "servicekontor",
        "--lang",
        "uk,th",
        "--out",
        str(out),
        stdout=StringIO(),
    )  # noqa: SIM115
    assert zipfile.is_zipfile(out)
    with pytest.raises(CommandError, match="No audience"):
        call_command("build_pack", "finns-inte", "--lang", "uk", "--out", str(tmp_path / "x.zip"))
    assert not (tmp_path / "x.zip").exists()
