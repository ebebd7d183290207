"""Render the nginx site for N replicas from deploy/site.conf.template.

    python deploy/nginx.py --ports 8501 8502 [--listen 80] [--server-name _] > mine-ban-map.conf

Each replica gets its own upstream group (itself, the others as backups) and a route name, its
port; deploy/mine-ban-map.nginx.conf is this rendered for ports 8501 and 8502.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "site.conf.template"
# A replica marked down after one failure is skipped for this long, then tried again.
FAILS = "max_fails=1 fail_timeout=10s"


def render(ports: list[int], listen: str = "80", server_name: str = "_", host="127.0.0.1") -> str:
    """The site file for replicas on *host*:*port* (one per port), listening on *listen*."""
    if len(set(ports)) != len(ports) or not ports:
        raise ValueError(f"ports must be distinct and at least one: {ports}")
    routes, answered, pool, groups = [], [], [], []
    for port in ports:
        address = f"{host}:{port}"
        routes.append(f"    {port} mbt_{port};")
        answered.append(f'    "~(^|, ){re.escape(address)}$" {port};')
        pool.append(f"    server {address} {FAILS};")
        others = [f"    server {host}:{p} backup;" for p in ports if p != port]
        groups.append(
            "\n".join(
                [
                    f"upstream mbt_{port} {{",
                    f"    server {address} {FAILS};",
                    *others,
                    "    keepalive 8;",
                    "}",
                ]
            )
        )
    fills = {
        "route_map": "\n".join(routes),
        "answered_map": "\n".join(answered),
        "pool_servers": "\n".join(pool),
        "replica_groups": "\n\n".join(groups),
        "tries": str(len(ports)),
        "listen": listen,
        "server_name": server_name,
    }
    text = TEMPLATE.read_text()
    for name, value in fills.items():
        text = text.replace("{{" + name + "}}", value)
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ports", type=int, nargs="+", default=[8501, 8502])
    parser.add_argument("--listen", default="80", help="nginx's listen argument, e.g. 443 ssl")
    parser.add_argument("--server-name", default="_")
    args = parser.parse_args()
    print(render(args.ports, args.listen, args.server_name), end="")


if __name__ == "__main__":
    main()
