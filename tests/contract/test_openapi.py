"""The API contract is a valid OpenAPI 3.1 document (the Swift tests check it matches the routes)."""
import json
import pathlib

from openapi_spec_validator import validate

DOCUMENT = pathlib.Path(__file__).resolve().parents[2] / "Resources" / "OpenAPI" / "openapi.json"


def test_the_document_is_valid_openapi_3_1():
    document = json.loads(DOCUMENT.read_text(encoding="utf-8"))
    assert document["openapi"].startswith("3.1")
    validate(document)  # raises with the offending path when the document is not valid
