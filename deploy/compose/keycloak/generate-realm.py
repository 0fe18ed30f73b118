#!/usr/bin/env python3
"""Writes cityloop-realm.json, the Keycloak realm import of the compose deployment, from the gateway's demo accounts
(gateway/src/main/resources/accounts/demo-accounts.yml), so both modes know the same people with the same claims.

Run from this folder: python3 generate-realm.py   (needs PyYAML). deploy/manifests' ComposeTest checks the result
against the accounts file, so a changed account list fails the build until this is run again.

Tokens carry what the services read (docs/service-conventions.md): sub = the user name (each user is imported with
its user name as id, and Keycloak's sub is the user's id), name, roles (realm roles, a flat array), unit and district
(user attributes), and aud = cityloop (an audience mapper). Users get no password here: the README says how to set
one (the demo password is for the embedded mode only)."""
import json
import pathlib

import yaml

HERE = pathlib.Path(__file__).resolve().parent
ACCOUNTS = HERE.parents[2] / "gateway/src/main/resources/accounts/demo-accounts.yml"
ROLES = ["inspector", "operator", "shift-lead", "dispatcher", "department", "supervisor", "admin"]


def mapper(name, kind, config):
    return {"name": name, "protocol": "openid-connect", "protocolMapper": kind, "consentRequired": False,
            "config": {"access.token.claim": "true", "id.token.claim": "true", "userinfo.token.claim": "true",
                       "introspection.token.claim": "true", **config}}


def attribute(claim, attr):
    return mapper(claim, "oidc-usermodel-attribute-mapper",
                  {"user.attribute": attr, "claim.name": claim, "jsonType.label": "String", "multivalued": "false"})


accounts = yaml.safe_load(ACCOUNTS.read_text(encoding="utf-8"))["accounts"]
users = []
for a in accounts:
    attributes = {"display_name": [a["name"]]}
    if a.get("unit"):
        attributes["unit"] = [a["unit"]]
    if a.get("district"):
        attributes["district"] = [str(a["district"])]
    users.append({"id": a["username"], "username": a["username"], "enabled": True, "emailVerified": True,
                  "attributes": attributes, "realmRoles": list(a["roles"])})

# Keycloak 24+ keeps only the user attributes its user profile declares: unit, district and the display name are
# declared, readable and writable by administrators only (a user must not move himself to another unit).
ADMIN_ONLY = {"view": ["admin"], "edit": ["admin"]}
PROFILE = {"attributes": [
    {"name": "username", "validations": {"length": {"min": 3, "max": 255}, "username-prohibited-characters": {}},
     "permissions": {"view": ["admin", "user"], "edit": ["admin"]}, "multivalued": False},
    {"name": "email", "validations": {"email": {}, "length": {"max": 255}},
     "permissions": {"view": ["admin", "user"], "edit": ["admin"]}, "multivalued": False},
    {"name": "firstName", "permissions": ADMIN_ONLY, "multivalued": False},
    {"name": "lastName", "permissions": ADMIN_ONLY, "multivalued": False},
    {"name": "display_name", "displayName": "name (claim name)", "permissions": ADMIN_ONLY, "multivalued": False},
    {"name": "unit", "displayName": "handling unit (claim unit)", "permissions": ADMIN_ONLY, "multivalued": False},
    {"name": "district", "displayName": "district code (claim district)", "permissions": ADMIN_ONLY,
     "multivalued": False},
], "unmanagedAttributePolicy": "ADMIN_VIEW"}

realm = {
    "realm": "cityloop",
    "enabled": True,
    "sslRequired": "external",
    "accessTokenLifespan": 28800,
    "bruteForceProtected": True,
    "failureFactor": 10,
    "roles": {"realm": [{"name": r, "description": "CityLoop role " + r} for r in ROLES]},
    "components": {"org.keycloak.userprofile.UserProfileProvider": [
        {"providerId": "declarative-user-profile",
         "config": {"kc.user.profile.config": [json.dumps(PROFILE, ensure_ascii=False)]}}]},
    "users": users,
    "clients": [{
        "clientId": "cityloop-web",
        "name": "CityLoop apps",
        "enabled": True,
        "publicClient": True,
        "standardFlowEnabled": True,
        "directAccessGrantsEnabled": True,
        "redirectUris": ["http://localhost:8080/*"],
        "webOrigins": ["http://localhost:8080"],
        "attributes": {"pkce.code.challenge.method": "S256"},
        "protocolMappers": [
            mapper("aud cityloop", "oidc-audience-mapper",
                   {"included.custom.audience": "cityloop", "id.token.claim": "false"}),
            mapper("roles", "oidc-usermodel-realm-role-mapper",
                   {"claim.name": "roles", "jsonType.label": "String", "multivalued": "true"}),
            attribute("name", "display_name"),
            attribute("unit", "unit"),
            attribute("district", "district"),
        ],
    }],
}
out = HERE / "cityloop-realm.json"
out.write_text(json.dumps(realm, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"wrote {out} with {len(users)} users")
