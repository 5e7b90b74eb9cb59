"""Outlet registry: who published an article, from which country, under what ownership.

The registry is `data/outlets.yaml` (format in docs/data-files.md). An outlet is found from an
explicit `--outlet` (a domain or a name), the article URL's domain, or an HTML page's site name.
"""
from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

from . import resources
from .article import Outlet

SOURCE = "outlets.yaml"


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, dict], dict[str, dict]]:
    by_domain, by_name = {}, {}
    for entry in resources.load(SOURCE):
        for domain in [entry["domain"], *(entry.get("extra_domains") or [])]:
            by_domain[domain.lower()] = entry
        for name in [entry["name"], *(entry.get("aliases") or [])]:
            by_name.setdefault(name.casefold(), entry)
    return by_domain, by_name


def entries() -> list[dict]:
    return resources.load(SOURCE)


def domain_of(value: str) -> str | None:
    """The host of a URL or bare domain, lower-cased, without `www.` and port."""
    value = value.strip()
    if not value:
        return None
    if "//" not in value:
        value = "//" + value
    try:
        host = urlsplit(value).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host[4:] if host.startswith("www.") else host


def _by_domain(domain: str) -> dict | None:
    by_domain, _ = _index()
    parts = domain.split(".")
    # francais.rt.com -> rt.com; news.bbc.co.uk -> bbc.co.uk
    for i in range(len(parts) - 1):
        hit = by_domain.get(".".join(parts[i:]))
        if hit:
            return hit
    return None


def _outlet(entry: dict, domain: str | None, rule: str) -> Outlet:
    return Outlet(name=entry["name"], domain=domain or entry["domain"], country=entry.get("country"),
                  ownership=entry.get("ownership") or "unknown", language=entry.get("language"),
                  evidence=[f"{SOURCE}:{entry['domain']}", rule])


def find_outlet(outlet: str | None = None, url: str | None = None, site_name: str | None = None) -> Outlet:
    """Best outlet for what is known of an article; an unknown outlet keeps its domain or name."""
    for value, rule in ((outlet, "given"), (url, "url-domain")):
        if not value:
            continue
        domain = domain_of(value)
        if domain:
            entry = _by_domain(domain)
            if entry:
                return _outlet(entry, domain, rule)
        entry = _index()[1].get(value.strip().casefold())
        if entry:
            return _outlet(entry, None, rule + "-name")
    if site_name:
        entry = _index()[1].get(site_name.strip().casefold())
        if entry:
            return _outlet(entry, None, "site-name")
    # Unknown outlet: keep what we were told, claim nothing about it.
    domain = next((d for d in (domain_of(v) for v in (outlet, url) if v) if d), None)
    name = outlet if outlet and not domain else (site_name or domain)
    return Outlet(name=name, domain=domain, evidence=["unknown-outlet"] if (name or domain) else [])
