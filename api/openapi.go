package api

import (
	"encoding/json"
	"net/http"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// openAPI renders the OpenAPI 3 document of routes. Schemas come from the
// Go types of the bodies and data by reflection (json tags), so the document
// follows the code; testdata/openapi.json pins it.
func openAPI(routes []route) []byte {
	sc := schemas{}
	paths := map[string]map[string]any{}
	for _, r := range routes {
		p := openAPIPath(r.path)
		if paths[p] == nil {
			paths[p] = map[string]any{}
		}
		paths[p][strings.ToLower(r.method)] = sc.operation(r)
	}
	sc.ref(reflect.TypeFor[Envelope]())
	doc := map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{"title": "Podium API", "version": "1",
			"description": "Talent rankings, integrity alerts and data loads. Bearer-token auth; roles selection, integrity, data, admin (admin may use every route). Every JSON response is an Envelope."},
		"paths": paths,
		"components": map[string]any{
			"schemas":         sc,
			"securitySchemes": map[string]any{"bearer": map[string]any{"type": "http", "scheme": "bearer"}},
		},
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		panic(err) // only maps, strings and slices: cannot fail
	}
	return append(b, '\n')
}

var ginParam = regexp.MustCompile(`:([a-z]+)`)

func openAPIPath(p string) string { return ginParam.ReplaceAllString(p, "{$1}") }

func (sc schemas) operation(r route) map[string]any {
	op := map[string]any{"summary": r.summary, "security": []any{}}
	var params []any
	for _, m := range ginParam.FindAllStringSubmatch(r.path, -1) {
		typ := map[string]any{"type": "string"}
		if m[1] == "id" && !strings.HasPrefix(r.path, "/v1/jobs") {
			typ = map[string]any{"type": "integer", "format": "int64"}
		}
		params = append(params, map[string]any{"name": m[1], "in": "path", "required": true, "schema": typ})
	}
	for _, q := range r.query {
		params = append(params, map[string]any{"name": q.name, "in": "query", "description": q.doc, "schema": paramSchema(q.typ)})
	}
	if params != nil {
		op["parameters"] = params
	}
	statuses := []int{500}
	if r.roles != nil {
		roles := append([]string{"admin"}, r.roles...)
		op["security"] = []any{map[string]any{"bearer": []any{}}}
		op["x-roles"] = roles
		op["description"] = "Roles: " + strings.Join(roles, ", ") + "."
		statuses = append(statuses, 401, 403, 429)
	}
	if r.body != nil {
		op["requestBody"] = map[string]any{"required": true,
			"content": map[string]any{"application/json": map[string]any{"schema": sc.ref(reflect.TypeOf(r.body))}}}
	}
	if r.upload {
		op["requestBody"] = map[string]any{"required": true, "content": map[string]any{"multipart/form-data": map[string]any{
			"schema": map[string]any{"type": "object", "properties": map[string]any{"source": map[string]any{"type": "string"}},
				"additionalProperties": map[string]any{"type": "string", "format": "binary"}}}}}
	}
	if r.body != nil || r.upload {
		statuses = append(statuses, 400, 413)
	}
	if r.query != nil || strings.Contains(r.path, ":") {
		statuses = append(statuses, 400)
	}
	if strings.Contains(r.path, ":") {
		statuses = append(statuses, 404)
	}
	statuses = append(statuses, r.errors...)
	op["responses"] = sc.responses(r, statuses)
	return op
}

func (sc schemas) responses(r route, statuses []int) map[string]any {
	ok := map[string]any{"description": http.StatusText(r.status)}
	if r.data != nil {
		props := map[string]any{"data": sc.ref(reflect.TypeOf(r.data))}
		if r.paged {
			props["page"] = sc.ref(reflect.TypeFor[Page]())
		}
		ok["content"] = map[string]any{"application/json": map[string]any{"schema": map[string]any{"type": "object", "properties": props}}}
	}
	resp := map[string]any{strconv.Itoa(r.status): ok}
	for _, st := range statuses {
		resp[strconv.Itoa(st)] = map[string]any{"description": http.StatusText(st), "content": map[string]any{
			"application/json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Envelope"}}}}
	}
	return resp
}

func paramSchema(typ string) map[string]any {
	if typ == "date-time" {
		return map[string]any{"type": "string", "format": "date-time"}
	}
	return map[string]any{"type": typ}
}

// schemas collects the named object schemas of the document.
type schemas map[string]any

var (
	timeType = reflect.TypeFor[time.Time]()
	rawType  = reflect.TypeFor[json.RawMessage]()
)

// ref returns the schema of t, registering named structs in sc.
func (sc schemas) ref(t reflect.Type) map[string]any {
	switch {
	case t == timeType:
		return map[string]any{"type": "string", "format": "date-time"}
	case t == rawType:
		return map[string]any{"description": "any JSON value"}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return sc.ref(t.Elem())
	case reflect.Interface:
		return map[string]any{"description": "any JSON value"}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int32, reflect.Int64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": "array", "items": sc.ref(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": sc.ref(t.Elem())}
	case reflect.Struct:
		name := schemaName(t)
		if _, ok := sc[name]; !ok {
			sc[name] = nil // break cycles
			props := map[string]any{}
			sc.fields(t, props)
			sc[name] = map[string]any{"type": "object", "properties": props}
		}
		return map[string]any{"$ref": "#/components/schemas/" + name}
	}
	panic("api: no OpenAPI schema for " + t.String())
}

// fields adds t's JSON fields to props, flattening embedded structs.
func (sc schemas) fields(t reflect.Type, props map[string]any) {
	for f := range t.Fields() {
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		switch {
		case name == "-" || !f.IsExported():
		case f.Anonymous && name == "":
			sc.fields(f.Type, props)
		default:
			if name == "" {
				name = f.Name
			}
			props[name] = sc.ref(f.Type)
		}
	}
}

// schemaName is the type's name, exported style (alertPatch → AlertPatch;
// datasets.Alert → Alert: the API's and the store's type names never clash).
func schemaName(t reflect.Type) string {
	n := t.Name()
	return strings.ToUpper(n[:1]) + n[1:]
}
