"""catalogue.json validates against catalogue.schema.json with a real JSON Schema validator."""
import copy
import json

import jsonschema
import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def documents(site):
    catalogue = json.loads((site / "catalogue.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "catalogue.schema.json").read_text(encoding="utf-8"))
    return catalogue, schema


def validator(schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_example_catalogue_validates(documents):
    catalogue, schema = documents
    validator(schema).validate(catalogue)
    assert catalogue["format"] == "onedoor-catalogue"
    assert catalogue["version"] == 1
    ids = [service["id"] for service in catalogue["services"]]
    assert ids == sorted(ids)
    assert len(ids) == len(list((ROOT / "catalogue" / "services").rglob("*.md")))


@pytest.mark.parametrize("path, value", [
    (("services", 0, "status"), "active"),
    (("services", 0, "last_reviewed"), "15/06/2026"),
    (("services", 0, "depends_on"), ["Not An Id"]),
    (("support_models", 0, "targets", 0, "resolve"), "4 hours"),
    (("priorities",), []),
    (("version",), 2),
])
def test_the_schema_rejects_a_wrong_value(documents, path, value):
    catalogue, schema = documents
    broken = copy.deepcopy(catalogue)
    target = broken
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        validator(schema).validate(broken)


def test_the_schema_rejects_an_unknown_field(documents):
    catalogue, schema = documents
    broken = copy.deepcopy(catalogue)
    broken["services"][0]["colour"] = "blue"
    with pytest.raises(jsonschema.ValidationError):
        validator(schema).validate(broken)
