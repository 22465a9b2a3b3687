"""Which worker addresses a multi-worker run may use.

TensorFlow's workers talk over gRPC without any authentication: whoever reaches a worker's
port can ask it to read and write files (and so run code) as the user. A run therefore only
uses addresses that strangers cannot reach — loopback, the private ranges (RFC 1918, IPv6
ULA), link-local and the shared range VPNs such as Tailscale use — unless the user says
otherwise with ``--allow-public-network``. Host names must be plain names: a line break or a
quote in one would turn into a shell line in the launch kit's scripts.
"""
from __future__ import annotations

import ipaddress
import re
import socket

from playground.errors import TrainingError
from playground.i18n import _

SAFE_NETWORKS = tuple(ipaddress.ip_network(n) for n in (
    "127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",  # loopback, RFC 1918
    "169.254.0.0/16", "100.64.0.0/10",  # link-local; shared space (Tailscale and other VPNs)
    "::1/128", "fc00::/7", "fe80::/10"))  # IPv6 loopback, ULA, link-local
_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")
MAX_HOST_CHARS = 253


def split_address(address: str) -> tuple[str, str]:
    """``host:port`` or ``[v6]:port`` -> (host without brackets, port text)."""
    host, _colon, port = address.rpartition(":")
    return host.strip("[]") if host.startswith("[") and host.endswith("]") else host, port


def is_valid_host(host: str) -> bool:
    """An IP address or a DNS name made of letters, digits, hyphens and dots."""
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    if not host or len(host) > MAX_HOST_CHARS:
        return False
    return all(_LABEL.match(label) for label in host.rstrip(".").split("."))


def is_safe_ip(ip: str) -> bool:
    try:
        address = ipaddress.ip_address(ip.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return any(address in network for network in SAFE_NETWORKS)


def resolve(host: str) -> list[str]:
    try:
        ipaddress.ip_address(host)
        return [host]
    except ValueError:
        pass
    try:
        return sorted({info[4][0] for info in socket.getaddrinfo(host, None)})
    except (OSError, UnicodeError):
        return []


def unsafe_reason(host: str, unresolved_ok: bool = False) -> str | None:
    """Why ``host`` is not an address only this network reaches, or None when it is."""
    ips = resolve(host)
    if not ips:
        if unresolved_ok:
            return None
        return _("{host} cannot be looked up here, so it cannot be checked").format(host=host)
    public = [ip for ip in ips if not is_safe_ip(ip)]
    if public:
        return _("{host} is a public address ({ips})").format(host=host, ips=", ".join(public))
    return None


def check_worker_hosts(hosts: list[str], allow_public_network: bool,
                       unresolved_ok: bool = False) -> None:
    """Raise TrainingError unless every host is a plain name, and (without
    ``allow_public_network``) one only a private network reaches. ``unresolved_ok`` lets a
    name this machine cannot look up pass (a launch kit written for other machines: each
    worker checks the list again when it starts)."""
    for host in hosts:
        if not is_valid_host(host):
            raise TrainingError(_("{host} is not a host name or an IP address: a worker's host "
                                  "has only letters, digits, dots, hyphens (or an IPv6 address "
                                  "in brackets).").format(host=repr(host)))
    if allow_public_network:
        return
    for host in hosts:
        reason = unsafe_reason(host, unresolved_ok)
        if reason:
            raise TrainingError(_(
                "Refusing the worker address {host}: {reason}. TensorFlow's workers accept "
                "requests from anyone who reaches their port, without a password, and those "
                "requests can read and write files on the machine. Use addresses of a private "
                "network (10.x, 172.16-31.x, 192.168.x, fd00::/8), a VPN, or SSH tunnels "
                "(ssh -L) to 127.0.0.1. If you understand the risk and the machines are "
                "protected otherwise, add --allow-public-network.").format(
                    host=host, reason=reason))
