"""The studio's signing panel: a signed, numbered edition made with the password typed into the
form (kept nowhere), its signatures checked against the configured root, the register listed;
without a key configured the panel says how to configure one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from briefing.studio.app import create_app
from tests import test_signing
from tests.test_edition_numbers import auto_content

kit = test_signing.kit  # the test PKI and images, made once a session
PASSWORD = "mat-khau-thu"  # tests/signing_pki.py's


@pytest.fixture
def project(tmp_path: Path, kit: Path) -> Path:
    """A project of one document (number: auto, no units) and the key's files beside it."""
    auto_content(tmp_path / "content")
    shutil.rmtree(tmp_path / "content" / "units")
    shutil.copytree(kit, tmp_path / "keys")
    return tmp_path


def configure(project: Path, extra: str = "") -> None:
    (project / "studio.yaml").write_text(
        "signing:\n  key: keys/pki/signer.p12\n  signature: keys/img/signature.png\n"
        f"  trust: [keys/pki/root.pem]\n{extra}", encoding="utf-8")


@pytest.fixture
def client(project: Path) -> TestClient:
    from briefing.studio.context import Studio

    studio = Studio(project, prefetch=False)
    client = TestClient(create_app(project, studio, allowed_hosts={"testserver"}),
                        base_url="http://testserver")
    assert client.get(f"/?token={studio.secrets.token}", follow_redirects=False
                      ).status_code == 303
    client.headers["X-CSRF-Token"] = studio.secrets.csrf
    return client


def sign(client: TestClient, password: str = PASSWORD):
    return client.post("/api/editions/sign", data={
        "content": "chuong-trinh.yaml", "date": "2026-03-05", "name": "ky-so",
        "password": password}, headers={"hx-request": "true"})


def test_the_editions_page_loads_the_panel(client, project):
    assert 'hx-get="/editions/signing"' in client.get("/editions").text
    assert "Chưa cấu hình khóa ký số" in client.get("/editions/signing").text
    assert sign(client).status_code == 400
    assert not (project / "output").exists()


def test_a_signed_numbered_edition_from_the_form(client, project):
    configure(project)
    panel = client.get("/editions/signing").text
    assert 'type="password"' in panel and "Tạo và ký số" in panel
    answer = sign(client)
    assert answer.status_code == 200, answer.text
    assert "Số 01-CTr/BTGTU: chuong-trinh" in answer.text
    assert "Đã ký chuong-trinh.pdf: Signature1, Lê Hồng Sơn" in answer.text
    assert PASSWORD not in answer.text and 'value="' + PASSWORD not in answer.text
    for path in project.rglob("*"):  # kept nowhere: not in the archive, not in the settings
        if path.is_file() and "keys" not in path.parts:
            assert PASSWORD.encode() not in path.read_bytes(), path
    manifest = json.loads((project / "output/editions/ky-so/r1/manifest.json").read_text())
    assert manifest["variants"][0]["signatures"][0]["signer"] == "Lê Hồng Sơn"
    checked = client.post("/api/editions/signatures", data={"label": "ky-so@r1"}).text
    assert "chuong-trinh.pdf" in checked and "hợp lệ, tin cậy" in checked
    register = client.get("/api/register").text
    assert "01-CTr/BTGTU" in register and "đã ban hành" in register


def test_a_wrong_password_writes_nothing(client, project):
    configure(project)
    answer = sign(client, "sai")
    assert answer.status_code == 400 and "sai mật khẩu" in answer.json()["error"]  # wrong password
    assert [p.name for p in (project / "output" / "editions" / "ky-so").iterdir()] == [".lock"]
    assert "Sổ đăng ký chưa có số nào" in client.get("/api/register").text


def test_a_password_in_the_settings_is_refused(client, project):
    configure(project, "  password: mat-khau\n")
    answer = client.get("/editions/signing", headers={"hx-request": "true"})
    assert answer.status_code == 400 and "password" in answer.json()["error"]
    assert "studio.yaml:5:3:" in client.get("/editions/signing").text  # a page says where
