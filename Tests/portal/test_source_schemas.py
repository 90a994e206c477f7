"""`onedoor schema` accepts the example catalogue and rejects the mistakes a schema can express."""
import json
import pathlib

import jsonschema
import pytest
import yaml

from conftest import ROOT, onedoor


class Yaml12Loader(yaml.SafeLoader):
    """Reads YAML as the YAML language server in editors does (1.2 core schema): no yes/no booleans
    and no timestamps, so `name: No` is text and dates stay text."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

CATALOGUE = ROOT / "catalogue"
FILES = {"catalogue": "catalogue.yaml", "categories": "categories.yaml", "teams": "teams.yaml", "support-models": "support-models.yaml"}


@pytest.fixture(scope="module")
def schemas():
    found = {}
    for kind in ["service", "notice", *FILES]:
        result = onedoor("schema", kind)
        assert result.returncode == 0, result.stderr
        schema = json.loads(result.stdout)
        jsonschema.Draft202012Validator.check_schema(schema)
        found[kind] = jsonschema.Draft202012Validator(schema)
    return found


def front_matter(path):
    return yaml.load(path.read_text(encoding="utf-8").split("---\n")[1], Loader=Yaml12Loader)


def test_the_example_catalogue_is_accepted(schemas):
    for kind, name in FILES.items():
        schemas[kind].validate(yaml.load((CATALOGUE / name).read_text(encoding="utf-8"), Loader=Yaml12Loader))
    services = sorted((CATALOGUE / "services").rglob("*.md"))
    assert services
    for path in services:
        schemas["service"].validate(front_matter(path))
    notices = sorted((CATALOGUE / "notices").glob("*.md"))
    assert notices
    for path in notices:
        schemas["notice"].validate(front_matter(path))


@pytest.mark.parametrize("change", [{"kind": "outage"}, {"start": "2026-11-05T09:30"}, {"severity": "critical"}, {"servics": ["email"]}])
def test_a_broken_notice_is_rejected(schemas, change):
    notice = {**front_matter(sorted((CATALOGUE / "notices").glob("*.md"))[0]), **change}
    with pytest.raises(jsonschema.ValidationError):
        schemas["notice"].validate(notice)


@pytest.mark.parametrize("change", [
    {"summry": "A typo in a field name"},
    {"status": "active"},
    {"type": "Business"},
    {"category": "Not An Id"},
    {"last_reviewed": "15/06/2026"},
    {"availability": 0},
    {"request_url": "servicedesk.example.gov"},
    {"targets": [{"priority": "p1", "resolve": "4 hours", "percent": 95}]},
    {"name": "x" * 121},
])
def test_a_broken_service_is_rejected(schemas, change):
    service = front_matter(CATALOGUE / "services" / "communications-and-collaboration" / "email.md")
    service.update(change)
    with pytest.raises(jsonschema.ValidationError):
        schemas["service"].validate(service)


def test_a_missing_required_field_is_rejected(schemas):
    service = front_matter(CATALOGUE / "services" / "communications-and-collaboration" / "email.md")
    del service["owner"]
    with pytest.raises(jsonschema.ValidationError):
        schemas["service"].validate(service)


def test_broken_list_files_are_rejected(schemas):
    with pytest.raises(jsonschema.ValidationError):
        schemas["teams"].validate([{"id": "desk", "name": "Desk", "email": "not an address"}])
    with pytest.raises(jsonschema.ValidationError):
        schemas["support-models"].validate([{"id": "m", "name": "M", "hours": "Always", "channels": [], "targets": []}])
    with pytest.raises(jsonschema.ValidationError):
        schemas["catalogue"].validate({"title": "T", "organisation": "O", "priorities": []})


def test_a_catalogue_in_two_languages_is_accepted(schemas):
    """Language maps in the YAML files, and translations beside services (the bilingual test fixture)."""
    folder = ROOT / "Tests" / "OneDoorKitTests" / "Fixtures" / "bilingual"
    for kind, name in FILES.items():
        schemas[kind].validate(yaml.load((folder / name).read_text(encoding="utf-8"), Loader=Yaml12Loader))
    result = onedoor("schema", "translation")
    translation = jsonschema.Draft202012Validator(json.loads(result.stdout))
    translations = sorted((folder / "services").rglob("*.fr.md"))
    assert translations
    for path in translations:
        translation.validate(front_matter(path))
    with pytest.raises(jsonschema.ValidationError):
        translation.validate({"name": "Hébergement", "category": "desk"})
