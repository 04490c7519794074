"""A strict checker of OpenAPI 3.1 documents, written from the specification (OpenAPI 3.1.0,
https://spec.openapis.org/oas/v3.1.0), run beside the published validator
(web/tests/validate-openapi.js) because that one lets through a path parameter the operation does
not declare and a Schema Object that is not JSON Schema; Debian packages no OpenAPI 3.1 validator
(python3-openapi-spec-validator is not in bookworm, and the openapi-specification package ships
the meta-schemas of 3.0 and earlier only). Every Schema Object is checked with python3-jsonschema's
JSON Schema 2020-12 meta-schema, the dialect OpenAPI 3.1 uses.

    errors = openapi_errors(document)   # [] when the document is valid
"""
import re

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

ROOT = {"openapi", "info", "jsonSchemaDialect", "servers", "paths", "webhooks", "components", "security", "tags",
        "externalDocs"}
INFO = {"title", "summary", "description", "termsOfService", "contact", "license", "version"}
PATH_ITEM = {"$ref", "summary", "description", "servers", "parameters"}
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
OPERATION = {"tags", "summary", "description", "externalDocs", "operationId", "parameters", "requestBody", "responses",
             "callbacks", "deprecated", "security", "servers"}
PARAMETER = {"name", "in", "description", "required", "deprecated", "allowEmptyValue", "style", "explode",
             "allowReserved", "schema", "example", "examples", "content"}
REQUEST_BODY = {"description", "content", "required"}
RESPONSE = {"description", "headers", "content", "links"}
HEADER = PARAMETER - {"name", "in", "allowEmptyValue", "allowReserved"}
MEDIA_TYPE = {"schema", "example", "examples", "encoding"}
COMPONENTS = {"schemas", "responses", "parameters", "examples", "requestBodies", "headers", "securitySchemes", "links",
              "callbacks", "pathItems"}
SECURITY_SCHEME = {"type", "description", "name", "in", "scheme", "bearerFormat", "flows", "openIdConnectUrl"}
STATUS = re.compile(r"^(default|[1-5][0-9][0-9]|[1-5]XX)$")
COMPONENT_NAME = re.compile(r"^[a-zA-Z0-9.\-_]+$")


class Checker:
    def __init__(self, document):
        self.document = document
        self.errors = []
        self.operation_ids = set()

    def error(self, where, message):
        self.errors.append(f"{where}: {message}")

    def fields(self, where, value, allowed, required=()):
        if not isinstance(value, dict):
            return self.error(where, "must be an object")
        for key in value:
            if key not in allowed and not key.startswith("x-"):
                self.error(where, f"unknown field {key!r}")
        for key in required:
            if key not in value:
                self.error(where, f"missing required field {key!r}")

    def resolve(self, where, value):
        """The object `value` refers to when it is a Reference Object, else `value`."""
        if isinstance(value, dict) and "$ref" in value:
            ref = value["$ref"]
            if not isinstance(ref, str) or not ref.startswith("#/"):
                self.error(where, f"$ref {ref!r} does not point into this document")
                return None
            target = self.document
            for part in ref[2:].split("/"):
                part = part.replace("~1", "/").replace("~0", "~")
                if not isinstance(target, dict) or part not in target:
                    self.error(where, f"$ref {ref!r} does not resolve")
                    return None
                target = target[part]
            return target
        return value

    def schema(self, where, value):
        try:
            Draft202012Validator.check_schema(value)
        except SchemaError as e:
            self.error(where, f"not a JSON Schema 2020-12: {e.message}")
        for ref in find_refs(value):
            if ref.startswith("#/components/"):
                self.resolve(where, {"$ref": ref})

    def media(self, where, content):
        if not isinstance(content, dict) or not content:
            return self.error(where, "content must map media types to Media Type Objects")
        for media_type, media in content.items():
            self.fields(f"{where}/{media_type}", media, MEDIA_TYPE)
            if isinstance(media, dict) and "schema" in media:
                self.schema(f"{where}/{media_type}/schema", media["schema"])

    def parameter(self, where, value, path_names):
        value = self.resolve(where, value)
        if value is None:
            return
        self.fields(where, value, PARAMETER, ("name", "in"))
        if value.get("in") not in ("query", "header", "path", "cookie"):
            self.error(where, f"'in' must be query, header, path or cookie, not {value.get('in')!r}")
        if value.get("in") == "path":
            if value.get("required") is not True:
                self.error(where, "a path parameter must be required: true")
            path_names.discard(value.get("name"))
        if ("schema" in value) == ("content" in value):
            self.error(where, "a parameter has exactly one of schema and content")
        if "schema" in value:
            self.schema(where + "/schema", value["schema"])

    def response(self, where, value):
        value = self.resolve(where, value)
        if value is None:
            return
        self.fields(where, value, RESPONSE, ("description",))
        for name, header in value.get("headers", {}).items():
            self.fields(f"{where}/headers/{name}", self.resolve(where, header) or {}, HEADER)
        if "content" in value:
            self.media(where + "/content", value["content"])

    def operation(self, where, value, path_names, path_parameters):
        self.fields(where, value, OPERATION)
        operation_id = value.get("operationId")
        if operation_id is not None:
            if operation_id in self.operation_ids:
                self.error(where, f"operationId {operation_id!r} is not unique")
            self.operation_ids.add(operation_id)
        names = set(path_names)
        for i, parameter in enumerate(path_parameters + value.get("parameters", [])):
            self.parameter(f"{where}/parameters/{i}", parameter, names)
        if names:
            self.error(where, f"path template names {sorted(names)} have no path parameter")
        if "requestBody" in value:
            body = self.resolve(where + "/requestBody", value["requestBody"]) or {}
            self.fields(where + "/requestBody", body, REQUEST_BODY, ("content",))
            self.media(where + "/requestBody/content", body.get("content"))
        responses = value.get("responses")
        if not isinstance(responses, dict) or not responses:
            return self.error(where, "responses must list at least one response")
        for status, response in responses.items():
            if not STATUS.match(status):
                self.error(where, f"response key {status!r} is not a status code, nXX or default")
            self.response(f"{where}/responses/{status}", response)
        self.security(where + "/security", value.get("security", []))

    def security(self, where, requirements):
        schemes = self.document.get("components", {}).get("securitySchemes", {})
        if not isinstance(requirements, list):
            return self.error(where, "must be a list")
        for requirement in requirements:
            for name, scopes in requirement.items():
                if name not in schemes:
                    self.error(where, f"security scheme {name!r} is not in components/securitySchemes")
                if not isinstance(scopes, list):
                    self.error(where, "scopes must be a list")

    def paths(self):
        for path, item in self.document.get("paths", {}).items():
            where = f"paths/{path}"
            if not path.startswith("/"):
                self.error(where, "a path must begin with /")
            self.fields(where, item, PATH_ITEM | METHODS)
            names = set(re.findall(r"\{([^}]+)\}", path))
            for method in METHODS & set(item):
                self.operation(f"{where}/{method}", item[method], names, item.get("parameters", []))

    def components(self):
        components = self.document.get("components", {})
        self.fields("components", components, COMPONENTS)
        for kind, entries in components.items():
            for name in entries:
                if not COMPONENT_NAME.match(name):
                    self.error(f"components/{kind}/{name}", "a component name is letters, digits, '.', '-', '_'")
        for name, schema in components.get("schemas", {}).items():
            self.schema(f"components/schemas/{name}", schema)
        for name, response in components.get("responses", {}).items():
            self.response(f"components/responses/{name}", response)
        for name, scheme in components.get("securitySchemes", {}).items():
            where = f"components/securitySchemes/{name}"
            self.fields(where, scheme, SECURITY_SCHEME, ("type",))
            if scheme.get("type") not in ("apiKey", "http", "mutualTLS", "oauth2", "openIdConnect"):
                self.error(where, f"unknown type {scheme.get('type')!r}")
            if scheme.get("type") == "http" and "scheme" not in scheme:
                self.error(where, "an http scheme names its scheme")

    def check(self):
        document = self.document
        self.fields("(root)", document, ROOT, ("openapi", "info"))
        if not re.match(r"^3\.1\.\d+(-.+)?$", str(document.get("openapi"))):
            self.error("openapi", "must be 3.1.x")
        self.fields("info", document.get("info"), INFO, ("title", "version"))
        if not any(k in document for k in ("paths", "components", "webhooks")):
            self.error("(root)", "needs paths, components or webhooks")
        self.paths()
        self.components()
        self.security("security", document.get("security", []))
        return self.errors


def find_refs(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "$ref" and isinstance(item, str):
                yield item
            else:
                yield from find_refs(item)
    elif isinstance(value, list):
        for item in value:
            yield from find_refs(item)


def openapi_errors(document):
    return Checker(document).check()
