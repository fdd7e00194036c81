"""The province's deployment on one machine, for the tests and the serving benchmark: Debian's
nginx with the site from deploy/nginx (parindex.nginx), a writer and N reader replicas
(`python -m parindex serve`, PARINDEX_ROLE=reader on a release folder), all on 127.0.0.1, and
stopped again. A throw-away certificate is made with openssl for the TLS listeners.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from parindex import nginx, release
from parindex.paths import ROOT

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
EDITOR, EDITOR_PASSWORD = "lan", "mật khẩu thử 2026"  # the writer's one editor (PARINDEX_SECRETS)


def serve_command(port: int, *options: str, serve: tuple[str, ...] = ("parindex", "serve")) -> list[str]:
    """The command that serves the dashboard on 127.0.0.1:port, headless and without usage
    statistics (`serve`: what `python -m` runs; the tests may run a script with streamlit)."""
    return [
        sys.executable,
        "-m",
        *serve,
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--browser.gatherUsageStats",
        "false",
        *options,
    ]


@dataclass
class Ports:
    http: int = 8520
    https: int = 8521
    writer_https: int = 8522
    writer: int = 8530
    first_replica: int = 8531


def certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1, valid two days."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


def wait_port(port: int, timeout: float, process: subprocess.Popen | None = None, log: Path | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(
                f"exited with {process.returncode}: {log.read_text(errors='replace')[-3000:] if log else ''}"
            )
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing answers on port {port} after {timeout:.0f} s")


def check_free(ports: list[int]) -> None:
    """Refuse to start on a port something already listens on: a replica would exit with Streamlit's
    'port not available' and nginx would send its readers to the stranger."""
    for port in ports:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as Streamlit binds
            try:
                sock.bind(("127.0.0.1", port))
            except OSError as error:
                raise RuntimeError(f"port {port} is in use by another process ({error})") from error


class Proxy:
    """nginx in the foreground with the rendered site, its own prefix, logs and cache in `folder`."""

    def __init__(self, folder: Path, site: nginx.Site):
        self.folder, self.site = folder, site
        self.process: subprocess.Popen | None = None
        self.access_log = folder / "logs" / "access.log"
        self.error_log = folder / "logs" / "error.log"

    def write(self) -> Path:
        for sub in ("logs", "cache", "tmp"):
            (self.folder / sub).mkdir(parents=True, exist_ok=True)
        self.site.cache_dir = str(self.folder / "cache")
        self.site.access_log = str(self.access_log)
        (self.folder / "site.conf").write_text(nginx.render(self.site), encoding="utf-8")
        tmp = self.folder / "tmp"
        main = self.folder / "nginx.conf"
        main.write_text(
            ("user root;\n" if os.geteuid() == 0 else "")  # workers must write the cache in this folder
            + f"daemon off;\nworker_processes 1;\npid {self.folder / 'nginx.pid'};\n"
            f"error_log {self.error_log} info;\nevents {{ worker_connections 4096; }}\n"
            f"http {{\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n"
            + "".join(
                f"  {kind}_temp_path {tmp / kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
            )
            + f"  include {self.folder / 'site.conf'};\n}}\n",
            encoding="utf-8",
        )
        return main

    def test(self) -> subprocess.CompletedProcess:
        """`nginx -t` on the configuration."""
        return subprocess.run(
            [NGINX, "-t", "-p", str(self.folder), "-c", str(self.write())],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )

    def start(self) -> Proxy:
        conf = self.write()
        out = (self.folder / "logs" / "nginx.out").open("wb")
        self.process = subprocess.Popen(
            [NGINX, "-p", str(self.folder), "-c", str(conf)],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        wait_port(self.site.https_port, 20, self.process, self.error_log)
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # graceful: lets the workers finish
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)


class Replica:
    """`python -m parindex serve` on a port, with the environment of its role; output to a log."""

    def __init__(self, port: int, env: dict[str, str], log: Path):
        self.port, self.env, self.log = port, env, log
        self.url = f"http://127.0.0.1:{port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> Replica:
        command = serve_command(self.port)
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env={**os.environ, "PYTHONUNBUFFERED": "1", **self.env},
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        return self

    def wait_ready(self, timeout: float = 90) -> dict:
        from parindex.serving import wait_ready

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"replica {self.port} exited: {self.output()[-3000:]}")
            answer = wait_ready(self.url, 1)
            if answer and answer.get("ready"):
                return answer
        raise RuntimeError(f"replica {self.port} not ready in {timeout:.0f} s: {self.output()[-3000:]}")

    def output(self) -> str:
        try:
            return self.log.read_text(errors="replace")
        except OSError:
            return ""

    def kill(self) -> None:
        """SIGKILL: the process dies at once, its sessions with it."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=15)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)


@dataclass
class Stack:
    """A writer (its database `writer_db`), `replicas` readers on the release folder `readers`, nginx."""

    folder: Path
    source_db: Path  # copied as the writer's database
    replicas: int = 3
    ports: Ports = field(default_factory=Ports)
    fail_timeout: str = "10s"
    writer: Replica | None = None
    readers: list[Replica] = field(default_factory=list)
    proxy: Proxy | None = None

    @property
    def writer_db(self) -> Path:
        return self.folder / "writer" / "par.duckdb"

    @property
    def secrets(self) -> Path:
        return self.folder / "secrets.toml"

    @property
    def release_folder(self) -> Path:
        return self.folder / "readers"

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.ports.https}"

    @property
    def writer_url(self) -> str:
        return f"https://127.0.0.1:{self.ports.writer_https}"

    def reader_addresses(self) -> list[str]:
        return [f"127.0.0.1:{self.ports.first_replica + i}" for i in range(self.replicas)]

    def site(self) -> nginx.Site:
        cert, key = certificate(self.folder)
        return nginx.Site(
            replicas=self.reader_addresses(),
            writer=f"127.0.0.1:{self.ports.writer}",
            tls_cert=str(cert),
            tls_key=str(key),
            server_name="127.0.0.1",
            writer_server_name="127.0.0.1",
            http_port=self.ports.http,
            https_port=self.ports.https,
            writer_https_port=self.ports.writer_https,
            fail_timeout=self.fail_timeout,
        )

    def start(self, with_writer: bool = True) -> Stack:
        check_free(
            [
                self.ports.http,
                self.ports.https,
                self.ports.writer_https,
                *([self.ports.writer] if with_writer else []),
                *(self.ports.first_replica + i for i in range(self.replicas)),
            ]
        )
        self.folder.mkdir(parents=True, exist_ok=True)
        self.writer_db.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.source_db, self.writer_db)
        release.release(self.writer_db.open("rb"), self.release_folder)
        logs = self.folder / "logs"
        logs.mkdir(exist_ok=True)
        common = {"PARINDEX_LOG_LEVEL": "INFO", "PARINDEX_PUBLIC_URL": self.url}
        try:
            if with_writer:
                from parindex.auth import add_editor

                add_editor(self.secrets, EDITOR, EDITOR_PASSWORD)
                self.writer = Replica(
                    self.ports.writer,
                    {
                        **common,
                        "PARINDEX_DB": str(self.writer_db),
                        "PARINDEX_ROLE": "writer",
                        "PARINDEX_SECRETS": str(self.secrets),
                    },
                    logs / "writer.log",
                ).start()
            reader_env = {
                **common,
                "PARINDEX_DB": str(self.release_folder / release.POINTER),
                "PARINDEX_ROLE": "reader",
                "PARINDEX_WRITER_URL": self.writer_url,
            }
            self.readers = [
                Replica(self.ports.first_replica + i, reader_env, logs / f"reader-{i}.log").start()
                for i in range(self.replicas)
            ]
            for replica in [*self.readers, *([self.writer] if self.writer else [])]:
                replica.wait_ready()
            self.proxy = Proxy(self.folder / "nginx", self.site()).start()
        except BaseException:
            self.stop()
            raise
        return self

    def release(self) -> Path:
        """What the writer host's release unit does after an import: the writer's file to the readers."""
        with self.writer_db.open("rb") as source:
            return release.release(source, self.release_folder)

    def replica_at(self, address: str) -> Replica:
        return next(r for r in self.readers if r.url.endswith(address))

    def stop(self) -> None:
        if self.proxy:
            self.proxy.stop()
        for replica in [*self.readers, *([self.writer] if self.writer else [])]:
            replica.stop()


def fetch(url: str, timeout: float = 10) -> tuple[int, dict, bytes]:
    """GET over TLS without checking the throw-away certificate; status, headers, body."""
    import ssl

    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    try:
        with urllib.request.urlopen(request, timeout=timeout, context=context) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()
