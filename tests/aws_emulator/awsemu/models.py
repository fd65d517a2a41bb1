"""botocore's service models: request decoding, validation and answer encoding.

Debian 12 ships botocore 1.29, whose redshift and redshift-serverless models predate
custom domain names. model_supplement.json adds what later API versions added
(DescribeCustomDomainAssociations, CustomDomainName members, ClusterIdentifier /
workgroupName no longer required) and the ranges AWS documents but the models leave
out (DurationSeconds 900..3600). Everything else comes from botocore unchanged."""

import datetime
import json
import os
import re
import threading

import botocore.session
from botocore.model import ServiceModel

_SUPPLEMENT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                           'model_supplement.json')
_lock = threading.Lock()
_models = {}


def model_data(name):
    """The botocore model of service name as a dict, with the supplement applied."""
    session = botocore.session.get_session()
    data = session.get_component('data_loader').load_service_model(name, 'service-2')
    data = json.loads(json.dumps(data))
    with open(_SUPPLEMENT, encoding='utf-8') as f:
        supplement = json.load(f).get(name, {})
    for op_name, op in supplement.get('operations', {}).items():
        data['operations'][op_name] = op
    for shape_name, shape in supplement.get('shapes', {}).items():
        data['shapes'][shape_name] = shape
    for shape_name, patch in supplement.get('patch_shapes', {}).items():
        target = data['shapes'][shape_name]
        target.setdefault('members', {}).update(patch.get('members', {}))
        if 'required' in patch:
            target['required'] = patch['required']
    return data


def service_model(name):
    """The botocore ServiceModel for name, with the supplement applied (cached)."""
    with _lock:
        if name not in _models:
            _models[name] = ServiceModel(model_data(name), service_name=name)
        return _models[name]


# ---------------------------------------------------------------- decoding


class Problem:
    """One way a request's parameters fail the model. path is a list of member names."""

    def __init__(self, kind, path, value=None, detail=''):
        self.kind = kind        # unknown | missing | type | min | max | length | pattern | enum
        self.path = path
        self.value = value
        self.detail = detail

    def dotted(self):
        return '.'.join(str(p) for p in self.path)


def _scalar_from_text(shape, text, path, problems):
    t = shape.type_name
    if t in ('integer', 'long'):
        try:
            return int(text)
        except ValueError:
            problems.append(Problem('type', path, text, 'integer'))
            return None
    if t in ('float', 'double'):
        try:
            return float(text)
        except ValueError:
            problems.append(Problem('type', path, text, 'number'))
            return None
    if t == 'boolean':
        if text.lower() in ('true', 'false'):
            return text.lower() == 'true'
        problems.append(Problem('type', path, text, 'boolean'))
        return None
    if t == 'timestamp':
        try:
            return datetime.datetime.fromisoformat(text.replace('Z', '+00:00'))
        except ValueError:
            problems.append(Problem('type', path, text, 'timestamp'))
            return None
    return text


def decode_query(shape, params, problems):
    """Rebuild the input structure from Query-protocol form fields (DbGroups.member.1 ...).

    Returns (value, consumed_keys). Lists accept both the model's member name
    (DbGroups.DbGroup.1, what botocore sends) and the generic .member.N form."""
    consumed = set()

    def walk(sh, prefix, path):
        t = sh.type_name
        if t == 'structure':
            out = {}
            for name, member in sh.members.items():
                wire = member.serialization.get('name', name)
                key = f'{prefix}.{wire}' if prefix else wire
                v = walk(member, key, path + [name])
                if v is not None:
                    out[name] = v
            return out if (out or not prefix) else None
        if t == 'list':
            if prefix in params and params[prefix] == '':
                consumed.add(prefix)
                return []
            names = {'member', sh.member.serialization.get('name', 'member')}
            if sh.serialization.get('flattened'):
                bases = [prefix]
            else:
                bases = [f'{prefix}.{n}' for n in sorted(names)]
            items = {}
            for base in bases:
                pat = re.compile(re.escape(base) + r'\.(\d+)(\.|$)')
                for k in params:
                    m = pat.match(k)
                    if m:
                        items[int(m.group(1))] = f'{base}.{m.group(1)}'
            if not items:
                return None
            return [walk(sh.member, items[i], path + [i]) for i in sorted(items)]
        if t == 'map':
            out = {}
            pat = re.compile(re.escape(prefix) + r'\.entry\.(\d+)\.key$')
            for k in list(params):
                m = pat.match(k)
                if m:
                    consumed.add(k)
                    vkey = f'{prefix}.entry.{m.group(1)}.value'
                    out[params[k]] = walk(sh.value, vkey, path + [params[k]])
            return out or None
        if prefix in params:
            consumed.add(prefix)
            return _scalar_from_text(sh, params[prefix], path, problems)
        return None

    return walk(shape, '', []), consumed


# ---------------------------------------------------------------- validation

def _compile_pattern(pattern):
    # Model patterns are Java regexes; Python's \u takes four digits only.
    fixed = pattern.replace('\\u10000-\\u10FFFF', '\\U00010000-\\U0010FFFF')
    try:
        return re.compile(fixed)
    except re.error:
        return None


def validate(shape, value, problems, json_types=False, path=None):
    """Check value against shape: unknown and missing members, types, lengths, ranges,
    enums, patterns. json_types: values came from JSON, so check their Python types."""
    path = path or []
    t = shape.type_name
    md = shape.metadata
    if t == 'structure':
        if not isinstance(value, dict):
            problems.append(Problem('type', path, value, 'structure'))
            return
        for k in value:
            if k not in shape.members:
                problems.append(Problem('unknown', path + [k], value[k]))
        for req in shape.required_members:
            if value.get(req) is None:
                problems.append(Problem('missing', path + [req]))
        for k, v in value.items():
            if k in shape.members and v is not None:
                validate(shape.members[k], v, problems, json_types, path + [k])
        return
    if t == 'list':
        if not isinstance(value, list):
            problems.append(Problem('type', path, value, 'list'))
            return
        if 'min' in md and len(value) < md['min']:
            problems.append(Problem('length', path, value, f"Member must have length greater than or equal to {md['min']}"))
        if 'max' in md and len(value) > md['max']:
            problems.append(Problem('length', path, value, f"Member must have length less than or equal to {md['max']}"))
        for i, v in enumerate(value, 1):
            validate(shape.member, v, problems, json_types, path + [i])
        return
    if t == 'map':
        if not isinstance(value, dict):
            problems.append(Problem('type', path, value, 'map'))
        return
    if t in ('integer', 'long'):
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(Problem('type', path, value, 'integer'))
            return
        if 'min' in md and value < md['min']:
            problems.append(Problem('min', path, value, f"Member must have value greater than or equal to {md['min']}"))
        if 'max' in md and value > md['max']:
            problems.append(Problem('max', path, value, f"Member must have value less than or equal to {md['max']}"))
        return
    if t == 'boolean':
        if not isinstance(value, bool):
            problems.append(Problem('type', path, value, 'boolean'))
        return
    if t in ('float', 'double'):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            problems.append(Problem('type', path, value, 'number'))
        return
    if t == 'timestamp':
        if json_types and not isinstance(value, (int, float, str)):
            problems.append(Problem('type', path, value, 'timestamp'))
        return
    if t == 'string':
        if not isinstance(value, str):
            problems.append(Problem('type', path, value, 'string'))
            return
        if 'min' in md and len(value) < md['min']:
            problems.append(Problem('length', path, value, f"Member must have length greater than or equal to {md['min']}"))
        if 'max' in md and len(value) > md['max']:
            problems.append(Problem('length', path, value, f"Member must have length less than or equal to {md['max']}"))
        if shape.enum and value not in shape.enum:
            problems.append(Problem('enum', path, value, 'Member must satisfy enum value set: [' + ', '.join(shape.enum) + ']'))
        if 'pattern' in md and value:
            rx = _compile_pattern(md['pattern'])
            if rx is not None and not rx.fullmatch(value):
                problems.append(Problem('pattern', path, value, f"Member must satisfy regular expression pattern: {md['pattern']}"))


# Secrets whichever model version marks them sensitive.
_ALWAYS_SENSITIVE = {'WebIdentityToken', 'SAMLAssertion', 'TokenCode', 'accessToken'}


def sensitive_members(shape):
    """Names of the top-level members that are secret (never recorded)."""
    out = set(_ALWAYS_SENSITIVE) & set(shape.members)
    for name, member in shape.members.items():
        if member.metadata.get('sensitive'):
            out.add(name)
    return out


def coral_message(problems, sensitive=()):
    """AWS's JSON/Coral validation text: '1 validation error detected: Value ... at ...'."""
    parts = []
    for p in problems:
        path = '.'.join(_lower_first(str(x)) for x in p.path)
        if p.kind == 'missing':
            parts.append(f"Value null at '{path}' failed to satisfy constraint: Member must not be null")
        elif p.kind == 'unknown':
            parts.append(f"'{path}' is not a valid parameter")
        elif p.kind == 'type':
            parts.append(f"Value at '{path}' failed to satisfy constraint: Member must be of type {p.detail}")
        else:
            value = '***' if p.path and p.path[0] in sensitive else shown(p.value)
            parts.append(f"Value '{value}' at '{path}' failed to satisfy constraint: {p.detail}")
    n = len(parts)
    head = f"{n} validation error{'s' if n != 1 else ''} detected: "
    return head + '; '.join(parts)


def shown(value, limit=64):
    """value for an error message, cut short: answers stay small whatever was sent."""
    text = str(value)
    return text if len(text) <= limit else text[:limit] + '...'


def _lower_first(s):
    return s[:1].lower() + s[1:]


# ---------------------------------------------------------------- encoding

def iso8601(dt):
    dt = dt.astimezone(datetime.timezone.utc)
    return dt.strftime('%Y-%m-%dT%H:%M:%S.') + f'{dt.microsecond // 1000:03d}Z'


def _xml_escape(s):
    return (s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
            .replace('"', '&quot;'))


def to_xml(shape, value, name):
    """Serialize value as the element <name> following shape (Query protocol answers)."""
    t = shape.type_name
    if t == 'structure':
        inner = []
        for mname, member in shape.members.items():
            if mname in value and value[mname] is not None:
                inner.append(to_xml(member, value[mname], member.serialization.get('name', mname)))
        return f'<{name}>' + ''.join(inner) + f'</{name}>'
    if t == 'list':
        item = shape.member.serialization.get('name', 'member')
        if shape.serialization.get('flattened'):
            return ''.join(to_xml(shape.member, v, name) for v in value)
        return f'<{name}>' + ''.join(to_xml(shape.member, v, item) for v in value) + f'</{name}>'
    if t == 'timestamp':
        text = iso8601(value)
    elif t == 'boolean':
        text = 'true' if value else 'false'
    else:
        text = _xml_escape(str(value))
    return f'<{name}>{text}</{name}>'


def to_json(shape, value, timestamp_format='unixTimestamp'):
    """Make value JSON-ready following shape: timestamps as epoch seconds (JSON 1.1)
    unless the shape says otherwise."""
    t = shape.type_name
    if t == 'structure':
        return {k: to_json(shape.members[k], v, timestamp_format)
                for k, v in value.items() if v is not None and k in shape.members}
    if t == 'list':
        return [to_json(shape.member, v, timestamp_format) for v in value]
    if t == 'map':
        return {k: to_json(shape.value, v, timestamp_format) for k, v in value.items()}
    if t == 'timestamp':
        fmt = shape.serialization.get('timestampFormat', timestamp_format)
        if fmt == 'iso8601':
            return iso8601(value)
        seconds = value.timestamp()
        return int(seconds) if seconds == int(seconds) else round(seconds, 3)
    return value
