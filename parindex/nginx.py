"""The nginx site for the province's deployment, from deploy/nginx/parindex.conf.in: its @NAME@
placeholders filled with the replicas, the writer, the names, the certificate paths and the
health-check interval. One template for the IT centre and for the tests, which run it under
`nginx -t` and in front of real replicas."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parindex.paths import ROOT

TEMPLATE = ROOT / "deploy" / "nginx" / "parindex.conf.in"
_ADDRESS = re.compile(r"^[A-Za-z0-9.\-\[\]:]+:\d{1,5}$")
_NAME = re.compile(r"^[A-Za-z0-9.\-*_ ]+$")
_PATH = re.compile(r"^/[^\s;{}'\"]*$")
_ALLOW = re.compile(r"^[0-9a-fA-F.:/]+$|^all$")


@dataclass
class Site:
    replicas: list[str]  # host:port of each reader replica
    writer: str  # host:port of the writer
    tls_cert: str
    tls_key: str
    server_name: str = "_"
    writer_server_name: str = "quantri.localhost"
    http_port: int = 80
    https_port: int = 443
    writer_https_port: int = 443
    writer_allow: list[str] = field(default_factory=list)  # addresses or networks; empty: anyone
    cache_dir: str = "/var/cache/nginx/parindex"
    access_log: str = "/var/log/nginx/parindex.access.log"
    max_fails: int = 1
    fail_timeout: str = "10s"
    connect_timeout: str = "2s"


def render(site: Site) -> str:
    """The site file; ValueError for a value that would not be one nginx word (a ';' or a space in
    a path would end the directive and start another)."""
    if not site.replicas:
        raise ValueError("at least one replica")
    for address in [*site.replicas, site.writer]:
        _check(_ADDRESS, address, "an address host:port")
    for path in (site.tls_cert, site.tls_key, site.cache_dir, site.access_log):
        _check(_PATH, path, "an absolute path")
    for name in (site.server_name, site.writer_server_name):
        _check(_NAME, name, "a server name")
    for network in site.writer_allow:
        _check(_ALLOW, network, "an address or network")
    for duration in (site.fail_timeout, site.connect_timeout):
        _check(re.compile(r"^\d+(ms|s|m)?$"), duration, "a duration")
    readers = "\n".join(
        f"    server {address} max_fails={site.max_fails} fail_timeout={site.fail_timeout};"
        for address in site.replicas
    )
    allow = "".join(f"    allow {network};\n" for network in site.writer_allow)
    allow += "    deny all;\n" if site.writer_allow else ""
    values = {
        "READERS": readers,
        "WRITER": site.writer,
        "TLS_CERT": site.tls_cert,
        "TLS_KEY": site.tls_key,
        "SERVER_NAME": site.server_name,
        "WRITER_SERVER_NAME": site.writer_server_name,
        "HTTP_PORT": str(site.http_port),
        "HTTPS_PORT": str(site.https_port),
        "WRITER_HTTPS_PORT": str(site.writer_https_port),
        "HTTPS_SUFFIX": "" if site.https_port == 443 else f":{site.https_port}",
        "WRITER_ALLOW": "the allow lines below" if site.writer_allow else "allow lines",
        "WRITER_ALLOW_RULES": allow,
        "CACHE_DIR": site.cache_dir,
        "ACCESS_LOG": site.access_log,
        "MAX_FAILS": str(site.max_fails),
        "FAIL_TIMEOUT": site.fail_timeout,
        "CONNECT_TIMEOUT": site.connect_timeout,
    }
    text = re.sub(r"@([A-Z_]+)@", lambda m: values[m.group(1)], TEMPLATE.read_text(encoding="utf-8"))
    return text


def _check(pattern: re.Pattern, value: str, what: str) -> None:
    if not pattern.match(value):
        raise ValueError(f"{value!r} is not {what}")


def add_arguments(cmd) -> None:
    cmd.add_argument("--replica", action="append", required=True, help="a reader replica, host:port (repeat)")
    cmd.add_argument("--writer", required=True, help="the writer, host:port")
    cmd.add_argument("--cert", required=True, help="TLS certificate (full chain), e.g. /etc/ssl/certs/chiso.pem")
    cmd.add_argument("--key", required=True, help="its private key")
    cmd.add_argument("--server-name", default="_", help="the public name, e.g. chisocchc.laocai.gov.vn")
    cmd.add_argument("--writer-server-name", default="quantri.localhost", help="the editors' name")
    cmd.add_argument(
        "--writer-allow",
        action="append",
        default=[],
        help="a network allowed to reach the writer, e.g. 10.0.0.0/8 (repeat; none: anyone)",
    )
    cmd.add_argument("--http-port", type=int, default=80)
    cmd.add_argument("--https-port", type=int, default=443)
    cmd.add_argument("--writer-https-port", type=int, default=443)
    cmd.add_argument("--cache-dir", default=Site.cache_dir)
    cmd.add_argument("--access-log", default=Site.access_log)
    cmd.add_argument("--fail-timeout", default=Site.fail_timeout, help="how long a failed replica is left out")


def render_from_args(args) -> str:
    return render(
        Site(
            replicas=args.replica,
            writer=args.writer,
            tls_cert=args.cert,
            tls_key=args.key,
            server_name=args.server_name,
            writer_server_name=args.writer_server_name,
            http_port=args.http_port,
            https_port=args.https_port,
            writer_https_port=args.writer_https_port,
            writer_allow=args.writer_allow,
            cache_dir=args.cache_dir,
            access_log=args.access_log,
            fail_timeout=args.fail_timeout,
        )
    )
