"""The launcher and AppStream metainfo that ship with studyapp are valid and agree with the app."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest

import studyapp
from studyapp import paths
from tests.locations import ROOT

DESKTOP = paths.desktop_files_dir()
LAUNCHER = DESKTOP / "applications" / f"{paths.APP_ID}.desktop"
METAINFO = DESKTOP / "metainfo" / f"{paths.APP_ID}.metainfo.xml"


def launcher_entry() -> dict[str, str]:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(LAUNCHER, encoding="utf-8")
    return dict(parser["Desktop Entry"])


NEEDS_DESKTOP_FILE_VALIDATE = pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="needs desktop-file-utils"
)


@NEEDS_DESKTOP_FILE_VALIDATE
def test_the_launcher_passes_desktop_file_validate() -> None:
    """desktop-file-validate finds nothing to complain about in the shipped launcher."""
    result = subprocess.run(
        ["desktop-file-validate", str(LAUNCHER)], capture_output=True, text=True, timeout=60
    )
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="needs appstream (appstreamcli)")
def test_the_metainfo_passes_appstreamcli_validate() -> None:
    """appstreamcli validate (offline) accepts the metainfo with no error or warning."""
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_launcher_and_metainfo_name_the_app_its_icon_and_its_launcher() -> None:
    """The menu entry starts the gui-script, shows the icon and matches the window's id."""
    entry = launcher_entry()
    assert entry["Exec"] == "studyapp-gui"
    assert entry["Icon"] == paths.APP_ID
    assert entry["StartupWMClass"] == paths.APP_NAME
    assert entry["Terminal"] == "false"
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == paths.APP_ID
    assert root.findtext("launchable") == LAUNCHER.name
    screenshots = root.findall("screenshots/screenshot/image")
    assert screenshots, "software centres need a screenshot"
    for image in screenshots:  # each names a picture the repository has
        name = Path((image.text or "").strip()).name
        assert (ROOT / "docs" / "screenshots" / name).is_file(), name


def test_the_metainfo_release_is_this_version() -> None:
    """The newest release in the metainfo is the package's version."""
    root = ET.parse(METAINFO).getroot()
    release = root.find("releases/release")
    assert release is not None and release.get("version") == studyapp.__version__
