#!/usr/bin/python3
"""TAP test of the AWS emulator, driven by real botocore clients.

Starts emulator.py on free ports (HTTP and HTTPS), exercises every operation, both wire
formats, the error answers, faults and the call log. When RS_PG_SOCKDIR, RS_PG_PORT and
RS_PG_SUPERUSER are set it also proves that issued passwords log in to PostgreSQL."""

import datetime
import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import botocore.session
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import ContainerProvider, Credentials
from botocore.exceptions import ClientError
from botocore.utils import InstanceMetadataFetcher

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True     # the emulator package lives in the source tree
CONFIG = os.path.join(HERE, 'config.json')
ACCOUNT = '123456789012'
ALICE = ('AKIAEMULATORALICE001', 'FAKE+emulator/alice/secret/not/a/real/key0', None)
BOB = ('ASIAEMULATORBOB00001', 'FAKE+emulator/bob/secret/not/a/real/key000',
       'FAKE-emulator-session-token-for-bob-0000000000')
MALLORY = ('AKIAEMULATORMALLORY1', 'FAKE+emulator/mallory/secret/not/a/real/k', None)
ROLE = f'arn:aws:iam::{ACCOUNT}:role/RedshiftAccess'
NS_REDSHIFT = '{http://redshift.amazonaws.com/doc/2012-12-01/}'


# ------------------------------------------------------------------ TAP

class Tap:
    def __init__(self):
        self.lines = []
        self.failed = 0
        self.count = 0

    def ok(self, cond, what, detail=None):
        self.count += 1
        n = self.count
        self.lines.append(f"{'ok' if cond else 'not ok'} {n} - {what}")
        if not cond:
            self.failed += 1
            if detail is not None:
                for line in str(detail).splitlines()[:20]:
                    self.lines.append(f'# {line}')
        return cond

    def comment(self, text):
        self.lines.append(f'# {text}')

    def check(self, what, fn):
        """Run fn; it returns (cond, detail) or a bool. Exceptions fail the check."""
        try:
            res = fn()
        except Exception:
            return self.ok(False, what, traceback.format_exc())
        if isinstance(res, tuple):
            return self.ok(bool(res[0]), what, res[1])
        return self.ok(bool(res), what)

    def finish(self):
        print(f'1..{self.count}')
        for line in self.lines:
            print(line)
        sys.stdout.flush()
        return 1 if self.failed else 0


T = Tap()


# ------------------------------------------------------------------ emulator process

class Emulator:
    def __init__(self, workdir, extra=(), https=None, config=CONFIG):
        self.port_file = os.path.join(workdir, 'emu.port')
        self.https_port_file = os.path.join(workdir, 'emu.https.port')
        self.log_path = os.path.join(workdir, 'emu.log')
        args = ['/usr/bin/python3', os.path.join(HERE, 'emulator.py'), '--config', config,
                '--port-file', self.port_file, '--port', '0']
        if https:
            args += ['--https-port-file', self.https_port_file, '--cert', https[0], '--key', https[1]]
        args += list(extra)
        self.log = open(self.log_path, 'wb')
        self.proc = subprocess.Popen(args, stdout=self.log, stderr=self.log)
        self.port = self._wait_port(self.port_file)
        self.https_port = self._wait_port(self.https_port_file) if https else None
        self.url = f'http://127.0.0.1:{self.port}'

    def _wait_port(self, path):
        deadline = time.time() + 20
        while time.time() < deadline:
            if os.path.exists(path):
                with open(path) as f:
                    text = f.read().strip()
                if text:
                    return int(text)
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError('emulator did not start: ' + open(self.log_path).read())

    def control(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.url + '/_emulator/' + path, data=data, method=method)
        try:
            with urllib.request.urlopen(req, timeout=10) as r:
                return r.status, json.loads(r.read())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read())

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        return self.proc.returncode


# ------------------------------------------------------------------ clients

SESSION = botocore.session.get_session()


def use_emulator_models(workdir):
    """Let botocore clients know what the emulator's models know (Debian's botocore 1.29
    predates custom domain names): write the supplemented models where the loader looks first."""
    sys.path.insert(0, HERE)
    from awsemu import models
    root = os.path.join(workdir, 'models')
    for name in ('redshift', 'redshift-serverless'):
        data = models.model_data(name)
        path = os.path.join(root, name, data['metadata']['apiVersion'])
        os.makedirs(path)
        with open(os.path.join(path, 'service-2.json'), 'w') as f:
            json.dump(data, f)
    SESSION.get_component('data_loader').search_paths.insert(0, root)


def client(emu, service, creds=ALICE, region='us-east-1', validate=True, attempts=1,
           read_timeout=20, url=None, verify=None):
    cfg = Config(parameter_validation=validate, retries={'total_max_attempts': attempts, 'mode': 'standard'},
                 read_timeout=read_timeout, connect_timeout=5)
    return SESSION.create_client(service, region_name=region, endpoint_url=url or emu.url,
                                 aws_access_key_id=creds[0], aws_secret_access_key=creds[1],
                                 aws_session_token=creds[2], config=cfg, verify=verify)


def code_of(fn):
    """(error code, HTTP status, message) of a call expected to fail."""
    try:
        fn()
    except ClientError as e:
        err = e.response.get('Error', {})
        return (err.get('Code'), e.response['ResponseMetadata'].get('HTTPStatusCode'),
                err.get('Message', ''))
    return (None, 200, '')


class FixedTimeAuth(SigV4Auth):
    """botocore's signer with a chosen clock, for skew tests and hand-made requests."""

    def __init__(self, creds, service, region, when):
        super().__init__(Credentials(*creds), service, region)
        self.when = when

    def add_auth(self, request):
        request.context['timestamp'] = self.when.strftime('%Y%m%dT%H%M%SZ')
        self._modify_request_before_signing(request)
        canonical = self.canonical_request(request)
        signature = self.signature(self.string_to_sign(request, canonical), request)
        self._inject_signature_to_request(request, signature)


def raw(emu, method, path='/', body=b'', headers=None, creds=ALICE, service=None,
        region='us-east-1', when=None, tamper=None):
    """Send one request, SigV4-signed when service is given. Returns (status, headers, body)."""
    headers = dict(headers or {})
    if service:
        req = AWSRequest(method=method, url=emu.url + path, data=body, headers=headers)
        FixedTimeAuth(creds, service, region,
                      when or datetime.datetime.now(datetime.timezone.utc)).add_auth(req)
        headers = dict(req.headers.items())
    if tamper:
        body = tamper(body)
    conn = http.client.HTTPConnection('127.0.0.1', emu.port, timeout=20)
    try:
        conn.request(method, path, body=body, headers=headers)
        r = conn.getresponse()
        return r.status, dict(r.getheaders()), r.read()
    finally:
        conn.close()


def query_body(params):
    return urllib.parse.urlencode(params).encode()


FORM = {'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8'}


def xml_error(body):
    root = ET.fromstring(body)
    ns = root.tag[:root.tag.index('}') + 1] if root.tag.startswith('{') else ''
    err = root.find(f'{ns}Error')
    return (root.tag, err.find(f'{ns}Type').text, err.find(f'{ns}Code').text,
            err.find(f'{ns}Message').text, root.find(f'{ns}RequestId').text)


def near(dt, seconds, slack=10):
    now = datetime.datetime.now(datetime.timezone.utc)
    return abs((dt - now).total_seconds() - seconds) <= slack


# ------------------------------------------------------------------ tests

def test_redshift(emu):
    rs = client(emu, 'redshift')
    r = rs.get_cluster_credentials(DbUser='alice', ClusterIdentifier='emu-cluster', AutoCreate=True,
                                   DbGroups=['readers', 'writers'])
    T.ok(r['DbUser'] == 'IAMA:alice' and len(r['DbPassword']) >= 32,
         'GetClusterCredentials with AutoCreate answers IAMA:<user> and a password', r['DbUser'])
    T.ok(near(r['Expiration'], 900), 'GetClusterCredentials Expiration defaults to 900 s', r['Expiration'])
    r2 = rs.get_cluster_credentials(DbUser='alice', ClusterIdentifier='emu-cluster', DurationSeconds=3600)
    T.ok(r2['DbUser'] == 'IAM:alice' and near(r2['Expiration'], 3600) and r2['DbPassword'] != r['DbPassword'],
         'GetClusterCredentials without AutoCreate answers IAM:<user>, honours DurationSeconds, new password')
    calls = emu.control('GET', 'calls?action=GetClusterCredentials')[1]['calls']
    T.ok(calls[0]['params'].get('DbGroups') == ['readers', 'writers'] and calls[0]['params']['AutoCreate'] is True,
         'Query list DbGroups.DbGroup.N (botocore form) is deserialized', calls[0]['params'])
    st, _, body = raw(emu, 'POST', body=query_body({
        'Action': 'GetClusterCredentials', 'Version': '2012-12-01', 'DbUser': 'alice',
        'ClusterIdentifier': 'emu-cluster', 'DbGroups.member.1': 'g1', 'DbGroups.member.2': 'g2'}),
        headers=FORM, service='redshift')
    calls = emu.control('GET', 'calls?action=GetClusterCredentials')[1]['calls']
    T.ok(st == 200 and calls[-1]['params'].get('DbGroups') == ['g1', 'g2'],
         'Query list DbGroups.member.N is deserialized', (st, body[:300], calls[-1]['params']))
    root = ET.fromstring(body)
    T.ok(root.tag == NS_REDSHIFT + 'GetClusterCredentialsResponse'
         and root.find(f'{NS_REDSHIFT}GetClusterCredentialsResult/{NS_REDSHIFT}DbPassword') is not None
         and root.find(f'{NS_REDSHIFT}ResponseMetadata/{NS_REDSHIFT}RequestId').text
         and root.find(f'{NS_REDSHIFT}GetClusterCredentialsResult/{NS_REDSHIFT}Expiration').text.endswith('Z'),
         'GetClusterCredentials wire format: XResponse/XResult, ISO 8601 Expiration, RequestId', body[:400])
    T.ok(b'DbPassword' not in json.dumps(calls).encode() and 'DbPassword' not in str(calls),
         'call log keeps no issued password')

    e = code_of(lambda: client(emu, 'redshift', validate=False).get_cluster_credentials(
        DbUser='alice', ClusterIdentifier='emu-cluster', DurationSeconds=100))
    T.ok(e[:2] == ('InvalidParameterValue', 400), 'DurationSeconds 100 answers InvalidParameterValue', e)
    e = code_of(lambda: client(emu, 'redshift', validate=False).get_cluster_credentials(
        ClusterIdentifier='emu-cluster'))
    T.ok(e[:2] == ('MissingParameter', 400) and 'DbUser' in e[2], 'missing DbUser answers MissingParameter', e)
    st, _, body = raw(emu, 'POST', body=query_body({
        'Action': 'GetClusterCredentials', 'Version': '2012-12-01', 'DbUser': 'alice',
        'ClusterIdentifier': 'emu-cluster', 'DbUsr': 'typo'}), headers=FORM, service='redshift')
    err = xml_error(body)
    T.ok(st == 400 and err[0] == '{http://redshift.amazonaws.com/doc/2012-12-01/}ErrorResponse'
         and err[1] == 'Sender' and err[2] == 'InvalidParameterValue' and 'DbUsr' in err[3] and err[4],
         'unknown parameter answers an ErrorResponse InvalidParameterValue (Sender, RequestId)', body)
    st, _, body = raw(emu, 'POST', body=query_body({
        'Action': 'GetClusterCredentials', 'Version': '2012-12-01', 'DbUser': 'alice',
        'ClusterIdentifier': 'emu-cluster', 'AutoCreate': 'maybe'}), headers=FORM, service='redshift')
    T.ok(st == 400 and xml_error(body)[2] == 'InvalidParameterValue', 'non-boolean AutoCreate is rejected', body)
    e = code_of(lambda: rs.get_cluster_credentials(DbUser='alice', ClusterIdentifier='nope'))
    T.ok(e[:2] == ('ClusterNotFound', 404), 'unknown cluster answers ClusterNotFound 404', e)
    e = code_of(lambda: rs.get_cluster_credentials(DbUser='alice', ClusterIdentifier='emu-west'))
    west = client(emu, 'redshift', region='us-west-2').get_cluster_credentials(
        DbUser='alice', ClusterIdentifier='emu-west')
    T.ok(e[0] == 'ClusterNotFound' and west['DbUser'] == 'IAM:alice',
         'clusters are found only in their own region', e)
    e = code_of(lambda: rs.get_cluster_credentials(DbUser='1alice', ClusterIdentifier='emu-cluster'))
    T.ok(e[0] == 'InvalidParameterValue', 'DbUser starting with a digit is rejected', e)

    st, _, body = raw(emu, 'POST', body=query_body({
        'Action': 'GetClusterCredentials', 'Version': '2012-12-01', 'DbUser': 'alice',
        'CustomDomainName': 'redshift.emulator.example'}), headers=FORM, service='redshift')
    T.ok(st == 200 and b'<DbUser>IAM:alice</DbUser>' in body,
         'GetClusterCredentials by CustomDomainName', body[:300])

    r = rs.get_cluster_credentials_with_iam(ClusterIdentifier='emu-cluster', DurationSeconds=1800)
    T.ok(r['DbUser'] == 'IAM:alice' and near(r['Expiration'], 1800) and 'NextRefreshTime' in r,
         'GetClusterCredentialsWithIAM maps an IAM user to IAM:<user>', r.get('DbUser'))
    r = client(emu, 'redshift', creds=BOB).get_cluster_credentials_with_iam(ClusterIdentifier='emu-cluster')
    T.ok(r['DbUser'] == 'IAMR:AnalystRole', 'GetClusterCredentialsWithIAM maps a role session to IAMR:<role>',
         r['DbUser'])

    r = rs.describe_clusters()
    c = r['Clusters']
    T.ok(len(c) == 1 and c[0]['ClusterIdentifier'] == 'emu-cluster' and c[0]['Endpoint']['Address'] == '127.0.0.1'
         and isinstance(c[0]['Endpoint']['Port'], int) and c[0]['DBName'] == 'dev'
         and c[0]['CustomDomainName'] == 'redshift.emulator.example',
         'DescribeClusters lists the region\'s clusters with endpoint and custom domain', c)
    r = rs.describe_clusters(ClusterIdentifier='emu-cluster')
    e = code_of(lambda: rs.describe_clusters(ClusterIdentifier='missing'))
    T.ok(len(r['Clusters']) == 1 and e[:2] == ('ClusterNotFound', 404),
         'DescribeClusters by id, unknown id answers ClusterNotFound', e)
    e = code_of(lambda: client(emu, 'redshift', validate=False).describe_clusters(MaxRecords=5))
    T.ok(e[0] == 'InvalidParameterValue', 'DescribeClusters MaxRecords below 20 is rejected', e)

    st, _, body = raw(emu, 'POST', body=query_body({
        'Action': 'DescribeCustomDomainAssociations', 'Version': '2012-12-01',
        'CustomDomainName': 'redshift.emulator.example'}), headers=FORM, service='redshift')
    root = ET.fromstring(body) if st == 200 else None
    assoc = root.findall(f'.//{NS_REDSHIFT}Associations/{NS_REDSHIFT}Association/'
                         f'{NS_REDSHIFT}CertificateAssociations/{NS_REDSHIFT}CertificateAssociation') \
        if root is not None else []
    T.ok(st == 200 and len(assoc) == 1
         and assoc[0].find(NS_REDSHIFT + 'ClusterIdentifier').text == 'emu-cluster'
         and root.find(f'.//{NS_REDSHIFT}CustomDomainCertificateArn').text.startswith('arn:aws:acm:'),
         'DescribeCustomDomainAssociations maps the domain to its cluster', body[:500])
    r = rs.describe_custom_domain_associations()
    T.ok([a['CertificateAssociations'] for a in r['Associations']]
         == [[{'CustomDomainName': 'redshift.emulator.example', 'ClusterIdentifier': 'emu-cluster'}]],
         'DescribeCustomDomainAssociations through botocore lists the region\'s associations', r['Associations'])
    st, _, body = raw(emu, 'POST', body=query_body({
        'Action': 'DescribeCustomDomainAssociations', 'Version': '2012-12-01',
        'CustomDomainName': 'other.emulator.example'}), headers=FORM, service='redshift')
    T.ok(st == 404 and xml_error(body)[2] == 'CustomDomainAssociationNotFoundFault',
         'unknown custom domain answers CustomDomainAssociationNotFoundFault 404', body)

    e = code_of(lambda: client(emu, 'redshift', creds=MALLORY).get_cluster_credentials(
        DbUser='alice', ClusterIdentifier='emu-cluster'))
    T.ok(e[:2] == ('AccessDenied', 403), 'an identity without the action gets AccessDenied', e)


def test_serverless(emu):
    rs = client(emu, 'redshift-serverless')
    r = rs.get_credentials(workgroupName='emu-workgroup', dbName='dev')
    T.ok(r['dbUser'] == 'IAM:alice' and len(r['dbPassword']) >= 32 and near(r['expiration'], 900)
         and 'nextRefreshTime' in r, 'serverless GetCredentials: dbUser IAM:<user>, password, expiration 900 s', r.get('dbUser'))
    r = rs.get_credentials(customDomainName='serverless.emulator.example', durationSeconds=3600)
    T.ok(near(r['expiration'], 3600), 'serverless GetCredentials by customDomainName with durationSeconds')
    w = rs.get_workgroup(workgroupName='emu-workgroup')['workgroup']
    T.ok(w['endpoint']['address'] == '127.0.0.1' and isinstance(w['endpoint']['port'], int)
         and w['workgroupName'] == 'emu-workgroup' and w['status'] == 'AVAILABLE'
         and isinstance(w['creationDate'], datetime.datetime),
         'GetWorkgroup answers workgroup.endpoint.address/port', w)
    e = code_of(lambda: rs.get_workgroup(workgroupName='no-such-wg'))
    T.ok(e[0] == 'ResourceNotFoundException', 'unknown workgroup answers ResourceNotFoundException', e)
    e = code_of(lambda: client(emu, 'redshift-serverless', validate=False).get_credentials(
        workgroupName='emu-workgroup', durationSeconds=100))
    T.ok(e[:2] == ('ValidationException', 400) and 'durationSeconds' in e[2]
         and e[2].startswith('1 validation error detected'),
         'durationSeconds 100 answers ValidationException', e)
    hdr = {'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'RedshiftServerless.GetCredentials'}
    st, h, body = raw(emu, 'POST', body=b'{"workgroupName":"emu-workgroup"}', headers=hdr,
                      service='redshift-serverless')
    obj = json.loads(body)
    T.ok(st == 200 and h.get('Content-Type') == 'application/x-amz-json-1.1' and h.get('x-amzn-RequestId')
         and isinstance(obj['expiration'], (int, float)) and obj['expiration'] > time.time()
         and set(obj) == {'dbUser', 'dbPassword', 'expiration', 'nextRefreshTime'},
         'JSON 1.1 wire format: epoch-second timestamps, x-amzn-RequestId', (st, h, body))
    st, h, body = raw(emu, 'POST', body=b'{"workgroupName":"emu-workgroup","bogus":1}', headers=hdr,
                      service='redshift-serverless')
    obj = json.loads(body)
    T.ok(st == 400 and set(obj) == {'__type', 'message'} and obj['__type'] == 'ValidationException',
         'JSON error format {"__type","message"} for an unknown member', body)
    st, h, body = raw(emu, 'POST', body=b'{"workgroupName":', headers=hdr, service='redshift-serverless')
    T.ok(st == 400 and json.loads(body)['__type'] == 'SerializationException',
         'unparsable JSON body answers SerializationException', body)
    r = client(emu, 'redshift-serverless', creds=BOB).get_credentials(workgroupName='emu-workgroup')
    T.ok(r['dbUser'] == 'IAMR:AnalystRole', 'serverless maps a role session to IAMR:<role>', r['dbUser'])


def test_sts(emu):
    sts = client(emu, 'sts')
    r = sts.get_caller_identity()
    T.ok(r['Arn'] == f'arn:aws:iam::{ACCOUNT}:user/alice' and r['Account'] == ACCOUNT,
         'GetCallerIdentity answers the configured identity', r)
    a = sts.assume_role(RoleArn=ROLE, RoleSessionName='tap-session', DurationSeconds=1200)
    c = a['Credentials']
    T.ok(c['AccessKeyId'].startswith('ASIA') and c['SessionToken'] and near(c['Expiration'], 1200)
         and a['AssumedRoleUser']['Arn'] == f'arn:aws:sts::{ACCOUNT}:assumed-role/RedshiftAccess/tap-session',
         'AssumeRole issues temporary credentials', a['AssumedRoleUser'])
    issued = (c['AccessKeyId'], c['SecretAccessKey'], c['SessionToken'])
    r = client(emu, 'sts', creds=issued).get_caller_identity()
    T.ok(r['Arn'].endswith('assumed-role/RedshiftAccess/tap-session') and r['UserId'].endswith(':tap-session'),
         'issued credentials sign requests as the assumed role', r)
    e = code_of(lambda: client(emu, 'sts', creds=(issued[0], issued[1], 'wrong-token')).get_caller_identity())
    T.ok(e[:2] == ('InvalidClientTokenId', 403), 'a wrong session token answers InvalidClientTokenId', e)
    e = code_of(lambda: client(emu, 'sts', creds=(issued[0], issued[1], None)).get_caller_identity())
    T.ok(e[0] == 'InvalidClientTokenId', 'a missing session token answers InvalidClientTokenId', e)
    e = code_of(lambda: client(emu, 'sts', creds=MALLORY).assume_role(RoleArn=ROLE, RoleSessionName='x1'))
    T.ok(e[:2] == ('AccessDenied', 403) and 'sts:AssumeRole' in e[2], 'untrusted caller gets AccessDenied', e)
    xrole = f'arn:aws:iam::{ACCOUNT}:role/CrossAccount'
    e = code_of(lambda: sts.assume_role(RoleArn=xrole, RoleSessionName='x2'))
    ok = sts.assume_role(RoleArn=xrole, RoleSessionName='x2', ExternalId='emulator-external-id-0001')
    T.ok(e[0] == 'AccessDenied' and ok['Credentials']['AccessKeyId'],
         'ExternalId is required and checked', e)
    e = code_of(lambda: client(emu, 'sts', validate=False).assume_role(
        RoleArn=ROLE, RoleSessionName='x3', DurationSeconds=100))
    T.ok(e[:2] == ('ValidationError', 400) and "at 'durationSeconds'" in e[2],
         'AssumeRole DurationSeconds 100 answers ValidationError', e)
    e = code_of(lambda: client(emu, 'sts', validate=False).assume_role(RoleArn=ROLE))
    T.ok(e[0] == 'ValidationError' and "Value null at 'roleSessionName'" in e[2],
         'missing RoleSessionName answers ValidationError', e)
    e = code_of(lambda: sts.assume_role(RoleArn=ROLE, RoleSessionName='x4', DurationSeconds=10000))
    T.ok(e[0] == 'ValidationError' and 'MaxSessionDuration' in e[2], 'DurationSeconds over the role maximum', e)
    e = code_of(lambda: client(emu, 'sts', creds=BOB).assume_role(
        RoleArn=ROLE, RoleSessionName='x5', DurationSeconds=7200))
    ok = client(emu, 'sts', creds=BOB).assume_role(RoleArn=ROLE, RoleSessionName='x5')
    T.ok(e[0] == 'ValidationError' and 'role chaining' in e[2] and ok['Credentials'],
         'role chaining: trusted via the role, limited to one hour', e)

    anon = SESSION.create_client('sts', region_name='us-east-1', endpoint_url=emu.url,
                                 config=Config(signature_version=botocore.UNSIGNED,
                                               retries={'total_max_attempts': 1}))
    wrole = f'arn:aws:iam::{ACCOUNT}:role/WebIdentityRole'
    r = anon.assume_role_with_web_identity(RoleArn=wrole, RoleSessionName='web',
                                           WebIdentityToken='FAKE-emulator-oidc-token-0001')
    T.ok(r['Credentials']['AccessKeyId'].startswith('ASIA')
         and r['SubjectFromWebIdentityToken'] == 'system:serviceaccount:tests:rsodbc'
         and r['AssumedRoleUser']['Arn'].endswith('assumed-role/WebIdentityRole/web'),
         'AssumeRoleWithWebIdentity, unsigned, issues credentials', r.get('AssumedRoleUser'))
    e = code_of(lambda: anon.assume_role_with_web_identity(RoleArn=wrole, RoleSessionName='web',
                                                           WebIdentityToken='FAKE-unknown-token'))
    T.ok(e[:2] == ('InvalidIdentityToken', 400), 'unknown web identity token answers InvalidIdentityToken', e)
    e = code_of(lambda: anon.assume_role_with_web_identity(
        RoleArn=wrole, RoleSessionName='web', WebIdentityToken='FAKE-emulator-oidc-token-expired'))
    T.ok(e[0] == 'ExpiredTokenException', 'expired web identity token answers ExpiredTokenException', e)
    e = code_of(lambda: anon.assume_role_with_web_identity(
        RoleArn=ROLE, RoleSessionName='web', WebIdentityToken='FAKE-emulator-oidc-token-0001'))
    T.ok(e[:2] == ('AccessDenied', 403), 'web identity token not allowed for the role: AccessDenied', e)
    calls = emu.control('GET', 'calls?action=AssumeRoleWithWebIdentity')[1]['calls']
    T.ok(calls and all(c['params'].get('WebIdentityToken') == '***' for c in calls)
         and 'oidc-token' not in json.dumps(calls),
         'call log redacts the web identity token', calls[:1])
    e = code_of(lambda: anon.get_caller_identity())
    T.ok(e[:2] == ('MissingAuthenticationToken', 403), 'unsigned GetCallerIdentity answers MissingAuthenticationToken', e)


def test_signatures(emu):
    e = code_of(lambda: client(emu, 'redshift', creds=(ALICE[0], 'wrong-secret', None)).describe_clusters())
    T.ok(e[:2] == ('SignatureDoesNotMatch', 403) and 'does not match' in e[2],
         'wrong secret: SignatureDoesNotMatch 403 (Query)', e)
    e = code_of(lambda: client(emu, 'redshift-serverless', creds=(ALICE[0], 'wrong-secret', None)).get_workgroup(
        workgroupName='emu-workgroup'))
    T.ok(e[:2] == ('InvalidSignatureException', 403), 'wrong secret: InvalidSignatureException (JSON)', e)
    e = code_of(lambda: client(emu, 'sts', creds=('AKIAEMULATORUNKNOWN1', 'x', None)).get_caller_identity())
    T.ok(e[:2] == ('InvalidClientTokenId', 403), 'unknown key: InvalidClientTokenId 403', e)
    e = code_of(lambda: client(emu, 'redshift-serverless', creds=('AKIAEMULATORUNKNOWN1', 'x', None)).get_workgroup(
        workgroupName='emu-workgroup'))
    T.ok(e[:2] == ('UnrecognizedClientException', 400), 'unknown key (JSON): UnrecognizedClientException', e)

    emu.control('POST', 'expiration', {'seconds': -5})
    c = client(emu, 'sts').assume_role(RoleArn=ROLE, RoleSessionName='soon-gone')['Credentials']
    emu.control('POST', 'expiration', {'seconds': None})
    issued = (c['AccessKeyId'], c['SecretAccessKey'], c['SessionToken'])
    e = code_of(lambda: client(emu, 'redshift', creds=issued).describe_clusters())
    T.ok(e[:2] == ('ExpiredToken', 403) and 'expired' in e[2], 'expired issued credentials: ExpiredToken', e)
    e = code_of(lambda: client(emu, 'redshift-serverless', creds=issued).get_workgroup(workgroupName='emu-workgroup'))
    T.ok(e[0] == 'ExpiredTokenException', 'expired issued credentials (JSON): ExpiredTokenException', e)

    body = query_body({'Action': 'DescribeClusters', 'Version': '2012-12-01'})
    past = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=10)
    st, _, out = raw(emu, 'POST', body=body, headers=FORM, service='redshift', when=past)
    err = xml_error(out) if st != 200 else (None,) * 5
    T.ok(st == 403 and err[2] == 'SignatureDoesNotMatch' and err[3].startswith('Signature expired: ')
         and 'is now earlier than' in err[3] and err[3].endswith('- 5 min.)'),
         'X-Amz-Date 10 minutes old: "Signature expired" (Query)', out)
    future = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=10)
    st, _, out = raw(emu, 'POST', body=body, headers=FORM, service='redshift', when=future)
    T.ok(st == 403 and 'Signature not yet current' in xml_error(out)[3],
         'X-Amz-Date 10 minutes ahead: "Signature not yet current"', out)
    near_past = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=4)
    st, _, out = raw(emu, 'POST', body=body, headers=FORM, service='redshift', when=near_past)
    T.ok(st == 200, 'X-Amz-Date 4 minutes old is accepted', out[:300])
    hdr = {'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'RedshiftServerless.GetWorkgroup'}
    st, _, out = raw(emu, 'POST', body=b'{"workgroupName":"emu-workgroup"}', headers=hdr,
                     service='redshift-serverless', when=past)
    obj = json.loads(out)
    T.ok(obj.get('__type') == 'InvalidSignatureException' and obj['message'].startswith('Signature expired'),
         'clock skew (JSON): InvalidSignatureException "Signature expired"', out)
    st, _, out = raw(emu, 'POST', body=body, headers=FORM, service='sts')
    T.ok(st == 403 and "scoped to correct service: 'redshift'" in xml_error(out)[3],
         'credential scope with the wrong service is refused', out)
    st, _, out = raw(emu, 'POST', body=body, headers=FORM, service='redshift', region='xx-nowhere-1')
    T.ok(st == 403 and 'valid region' in xml_error(out)[3], 'credential scope with an unknown region is refused', out)
    st, _, out = raw(emu, 'POST', body=body, headers=FORM, service='redshift',
                     tamper=lambda b: b.replace(b'DescribeClusters', b'DescribeClustxrs'))
    T.ok(st == 403 and xml_error(out)[2] == 'SignatureDoesNotMatch', 'a body changed after signing is refused', out)
    st, _, out = raw(emu, 'POST', body=body, headers=dict(FORM, Authorization='AWS4-HMAC-SHA256 Credential=x'))
    T.ok(st == 400 and xml_error(out)[2] == 'IncompleteSignature', 'a malformed Authorization header: IncompleteSignature', out)
    st, _, out = raw(emu, 'GET', path='/?' + urllib.parse.urlencode({'Action': 'GetCallerIdentity',
                                                                     'Version': '2011-06-15'}), service='sts')
    T.ok(st == 200 and b'<Arn>arn:aws:iam::123456789012:user/alice</Arn>' in out,
         'a signed GET with the query in the URL verifies', out[:300])


def test_sso_ecs_imds(emu):
    sso = SESSION.create_client('sso', region_name='us-east-1', endpoint_url=emu.url,
                                config=Config(retries={'total_max_attempts': 1}))
    r = sso.get_role_credentials(roleName='SsoRedshiftRole', accountId=ACCOUNT,
                                 accessToken='FAKE-emulator-sso-access-token-0001')['roleCredentials']
    T.ok(r['accessKeyId'].startswith('ASIA') and isinstance(r['expiration'], int)
         and r['expiration'] > time.time() * 1000 + 3000 * 1000,
         'SSO GetRoleCredentials: expiration in epoch milliseconds', r.get('expiration'))
    ident = client(emu, 'sts', creds=(r['accessKeyId'], r['secretAccessKey'], r['sessionToken'])).get_caller_identity()
    T.ok(ident['Arn'] == f'arn:aws:sts::{ACCOUNT}:assumed-role/SsoRedshiftRole/sso-user',
         'SSO credentials sign requests as the SSO role', ident['Arn'])
    e = code_of(lambda: sso.get_role_credentials(roleName='SsoRedshiftRole', accountId=ACCOUNT,
                                                 accessToken='FAKE-bad-token'))
    T.ok(e[:2] == ('UnauthorizedException', 401), 'SSO bad access token: UnauthorizedException 401', e)
    e = code_of(lambda: sso.get_role_credentials(roleName='OtherRole', accountId=ACCOUNT,
                                                 accessToken='FAKE-emulator-sso-access-token-0001'))
    T.ok(e[:2] == ('ForbiddenException', 403), 'SSO role not granted: ForbiddenException 403', e)

    full_uri = emu.url + '/ecs/v2/credentials/emulator'
    creds = ContainerProvider(environ={'AWS_CONTAINER_CREDENTIALS_FULL_URI': full_uri,
                                       'AWS_CONTAINER_AUTHORIZATION_TOKEN': 'FAKE-emulator-container-token-0001'}).load()
    frozen = creds.get_frozen_credentials()
    ident = client(emu, 'sts', creds=(frozen.access_key, frozen.secret_key, frozen.token)).get_caller_identity()
    T.ok(ident['Arn'].endswith('assumed-role/EcsTaskRole/ecs-task'),
         'container credentials (botocore ContainerProvider) work', ident['Arn'])
    st, _, _ = raw(emu, 'GET', path='/ecs/v2/credentials/emulator', headers={'Authorization': 'wrong'})
    T.ok(st == 401, 'container credentials with a wrong token: 401', st)

    fetcher = InstanceMetadataFetcher(timeout=5, num_attempts=1, base_url=emu.url)
    c = fetcher.retrieve_iam_role_credentials()
    T.ok(c.get('role_name') == 'Ec2InstanceRole' and c.get('access_key', '').startswith('ASIA') and c.get('token'),
         'IMDSv2 credentials through botocore InstanceMetadataFetcher', {k: c.get(k) for k in ('role_name', 'expiry_time')})
    ident = client(emu, 'sts', creds=(c['access_key'], c['secret_key'], c['token'])).get_caller_identity()
    T.ok(ident['Arn'].endswith('assumed-role/Ec2InstanceRole/i-0emulator00000000'),
         'instance credentials sign requests as the instance role', ident['Arn'])
    st, _, _ = raw(emu, 'GET', path='/latest/meta-data/iam/security-credentials/')
    T.ok(st == 401, 'IMDS GET without a token: 401', st)
    st, _, _ = raw(emu, 'PUT', path='/latest/api/token')
    T.ok(st == 400, 'IMDS token PUT without a TTL header: 400', st)
    st, h, tok = raw(emu, 'PUT', path='/latest/api/token', headers={'X-aws-ec2-metadata-token-ttl-seconds': '60'})
    st2, _, roles = raw(emu, 'GET', path='/latest/meta-data/iam/security-credentials/',
                        headers={'X-aws-ec2-metadata-token': tok.decode()})
    st3, _, region = raw(emu, 'GET', path='/latest/meta-data/placement/region',
                         headers={'X-aws-ec2-metadata-token': tok.decode()})
    T.ok(st == 200 and st2 == 200 and roles == b'Ec2InstanceRole' and region == b'us-east-1',
         'IMDS token, role list and region', (st, st2, roles, region))
    st, _, _ = raw(emu, 'GET', path='/latest/meta-data/iam/security-credentials/',
                   headers={'X-aws-ec2-metadata-token': 'forged-token'})
    T.ok(st == 401, 'IMDS GET with an unknown token: 401', st)


def test_faults(emu):
    emu.control('POST', 'reset')
    rs = client(emu, 'redshift')
    kw = dict(DbUser='alice', ClusterIdentifier='emu-cluster')
    st, _ = emu.control('POST', 'faults', {'kind': 'throttle', 'action': 'GetClusterCredentials', 'count': 1})
    e = code_of(lambda: rs.get_cluster_credentials(**kw))
    again = rs.get_cluster_credentials(**kw)
    T.ok(st == 200 and e[:2] == ('Throttling', 400) and e[2] == 'Rate exceeded' and again['DbPassword'],
         'throttle fault: one Throttling 400, then normal answers', e)
    emu.control('POST', 'faults', {'kind': 'throttle', 'service': 'redshift-serverless', 'count': 1})
    e = code_of(lambda: client(emu, 'redshift-serverless').get_workgroup(workgroupName='emu-workgroup'))
    T.ok(e[:2] == ('ThrottlingException', 400), 'throttle fault (JSON): ThrottlingException 400', e)
    emu.control('POST', 'faults', {'kind': 'throttle', 'action': 'GetClusterCredentials', 'count': 2})
    r = client(emu, 'redshift', attempts=3).get_cluster_credentials(**kw)
    T.ok(r['ResponseMetadata']['RetryAttempts'] == 2, 'botocore retries through two throttles',
         r['ResponseMetadata']['RetryAttempts'])
    emu.control('POST', 'faults', {'kind': 'internal', 'action': 'DescribeClusters'})
    e = code_of(lambda: rs.describe_clusters())
    T.ok(e[:2] == ('InternalFailure', 500), '5xx fault: InternalFailure 500', e)
    emu.control('POST', 'faults', {'kind': 'unavailable', 'service': 'sts'})
    e = code_of(lambda: client(emu, 'sts').get_caller_identity())
    T.ok(e[:2] == ('ServiceUnavailable', 503), '5xx fault: ServiceUnavailable 503', e)
    emu.control('POST', 'faults', {'kind': 'delay', 'action': 'GetWorkgroup', 'delay_ms': 400})
    t0 = time.time()
    client(emu, 'redshift-serverless').get_workgroup(workgroupName='emu-workgroup')
    T.ok(time.time() - t0 >= 0.4, 'delay fault delays the answer', time.time() - t0)
    emu.control('POST', 'faults', {'kind': 'hang', 'action': 'GetCallerIdentity', 'hang_ms': 20000})
    t0 = time.time()
    try:
        client(emu, 'sts', read_timeout=1).get_caller_identity()
        hung = False
    except Exception as ex:                    # botocore ReadTimeoutError
        hung = 'timed out' in str(ex).lower() or 'timeout' in type(ex).__name__.lower()
    T.ok(hung and time.time() - t0 < 10, 'hang fault: no answer, the client times out')
    emu.control('POST', 'faults', {'kind': 'malformed', 'action': 'DescribeClusters'})
    try:
        rs.describe_clusters()
        parsed = True
    except Exception:
        parsed = False
    T.ok(not parsed, 'malformed fault: botocore cannot parse the answer')
    emu.control('POST', 'faults', {'kind': 'truncated', 'action': 'DescribeClusters'})
    body = query_body({'Action': 'DescribeClusters', 'Version': '2012-12-01'})
    try:
        st, h, out = raw(emu, 'POST', body=body, headers=FORM, service='redshift')
        truncated = False
    except http.client.IncompleteRead as ex:
        truncated = len(ex.partial) > 0
    T.ok(truncated, 'truncated fault: fewer bytes than Content-Length')
    emu.control('POST', 'faults', {'kind': 'oversized', 'action': 'DescribeClusters', 'size': 3 << 20})
    st, h, out = raw(emu, 'POST', body=body, headers=FORM, service='redshift')
    T.ok(st == 200 and len(out) >= 3 << 20 and ET.fromstring(out).tag.endswith('DescribeClustersResponse'),
         'oversized fault: a well-formed answer over 3 MiB', len(out))
    emu.control('POST', 'faults', {'kind': 'throttle', 'count': 1})
    st, _, _ = raw(emu, 'PUT', path='/latest/api/token', headers={'X-aws-ec2-metadata-token-ttl-seconds': '60'})
    T.ok(st == 429, 'a fault for all calls also hits IMDS (429)', st)
    st, body = emu.control('POST', 'faults', {'kind': 'explode'})
    T.ok(st == 400, 'control API refuses an unknown fault kind', body)

    emu.control('POST', 'expiration', {'seconds': 60})
    r = rs.get_cluster_credentials(**kw)
    a = client(emu, 'sts').assume_role(RoleArn=ROLE, RoleSessionName='short')
    emu.control('POST', 'expiration', {'seconds': None})
    T.ok(near(r['Expiration'], 60, 5) and near(a['Credentials']['Expiration'], 60, 5),
         'expiration override applies to database and AWS credentials')


def test_calls(emu):
    emu.control('POST', 'reset')
    rs = client(emu, 'redshift')
    rs.get_cluster_credentials(DbUser='alice', ClusterIdentifier='emu-cluster')
    rs.get_cluster_credentials(DbUser='alice', ClusterIdentifier='emu-cluster')
    code_of(lambda: rs.get_cluster_credentials(DbUser='alice', ClusterIdentifier='nope'))
    client(emu, 'sts').get_caller_identity()
    st, body = emu.control('GET', 'calls?service=redshift&action=GetClusterCredentials')
    calls = body['calls']
    T.ok(st == 200 and len(calls) == 3 and [c['status'] for c in calls] == [200, 200, 404]
         and calls[2]['error'] == 'ClusterNotFound' and all(c['access_key'] == ALICE[0] for c in calls)
         and calls[0]['params'] == {'DbUser': 'alice', 'ClusterIdentifier': 'emu-cluster'},
         'call log: service, action, key, parameters, status, error', calls)
    all_calls = emu.control('GET', 'calls')[1]['calls']
    T.ok(len(all_calls) == 4 and all_calls[-1]['service'] == 'sts', 'call log lists every service', all_calls)
    emu.control('DELETE', 'calls')
    T.ok(emu.control('GET', 'calls')[1]['calls'] == [], 'call log can be cleared')
    st, body = emu.control('GET', 'nothing-here')
    T.ok(st == 404, 'unknown control endpoint: 404', body)


def test_https(emu):
    if emu.https_port is None:
        T.comment('HTTPS checks omitted: openssl not found to make a test certificate')
        return
    url = f'https://127.0.0.1:{emu.https_port}'
    r = client(emu, 'redshift', url=url, verify=emu.cert).describe_clusters()
    T.ok(r['Clusters'][0]['ClusterIdentifier'] == 'emu-cluster', 'HTTPS port serves the same API (cert verified)')


def psql(args, env_extra=None, input_text=None):
    env = dict(os.environ, **(env_extra or {}))
    return subprocess.run(['psql', '-X', '-At'] + args, env=env, capture_output=True, text=True,
                          timeout=30, input=input_text)


TAPUSER = ('AKIAEMULATORTAPUSER1', 'FAKE+emulator/taptest/secret/not/a/real/k', None)
TAPROLE = ('ASIAEMULATORTAPROLE1', 'FAKE+emulator/taprole/secret/not/a/real/k',
           'FAKE-emulator-session-token-for-taprole-0000')


def test_postgres(workdir):
    """Issued passwords really log in. Uses database roles of its own (a per-run suffix and
    identities reserved for this test) so that it cannot disturb other tests sharing the server."""
    sockdir = os.environ.get('RS_PG_SOCKDIR')
    port = os.environ.get('RS_PG_PORT')
    superuser = os.environ.get('RS_PG_SUPERUSER')
    if not (sockdir and port and superuser):
        T.comment('PostgreSQL login checks omitted: RS_PG_SOCKDIR, RS_PG_PORT, RS_PG_SUPERUSER not set')
        return
    database = os.environ.get('RS_PG_DATABASE', 'postgres')
    tag = f'{os.getpid()}'
    auto_user, cfg_user, stranger, group = f'tapauto{tag}', f'tapcfg{tag}', f'tapnone{tag}', f'tapgroup{tag}'
    roles = [f'IAMA:{auto_user}', f'IAM:{cfg_user}', f'IAM:{stranger}', 'IAM:emutap', 'IAMR:EmuTapRole', group]
    su = ['-h', sockdir, '-p', port, '-U', superuser, '-d', database]
    setup = psql(su + ['-v', f'g={group}'], input_text='CREATE ROLE :"g" NOLOGIN;\n')
    T.ok(setup.returncode == 0, 'test PostgreSQL reachable as superuser', setup.stderr)
    pgdir = os.path.join(workdir, 'pg')
    os.mkdir(pgdir)
    with open(CONFIG) as f:
        cfg = json.load(f)
    cfg['clusters'][0]['db_users'].append(cfg_user)
    config = os.path.join(pgdir, 'config.json')
    with open(config, 'w') as f:
        json.dump(cfg, f)
    emu = Emulator(pgdir, ['--pg-host', sockdir, '--pg-port', port, '--pg-superuser', superuser,
                           '--pg-database', database], config=config)
    try:
        def login(user, password):
            return psql(['-h', '127.0.0.1', '-p', port, '-U', user, '-d', database, '-c', 'SELECT current_user'],
                        {'PGPASSWORD': password, 'PGCONNECT_TIMEOUT': '10'})
        rs = client(emu, 'redshift', creds=TAPUSER)
        c = rs.get_cluster_credentials(DbUser=auto_user, ClusterIdentifier='emu-cluster', AutoCreate=True,
                                       DbGroups=[group, f'nosuchgroup{tag}'])
        r = login(c['DbUser'], c['DbPassword'])
        T.ok(r.returncode == 0 and r.stdout.strip() == f'IAMA:{auto_user}',
             'GetClusterCredentials password logs in to PostgreSQL as IAMA:<user>', r.stderr)
        m = psql(su + ['-v', f'r=IAMA:{auto_user}', '-v', f'g={group}'],
                 input_text="SELECT pg_has_role(:'r', :'g', 'MEMBER');\n")
        T.ok(m.stdout.strip() == 't', 'DbGroups became a GRANT of the existing role', m.stdout + m.stderr)
        r = login(c['DbUser'], c['DbPassword'] + 'x')
        T.ok(r.returncode != 0, 'a wrong password does not log in (PostgreSQL checks passwords over TCP)')
        c2 = rs.get_cluster_credentials(DbUser=auto_user, ClusterIdentifier='emu-cluster', AutoCreate=True)
        old = login(c['DbUser'], c['DbPassword'])
        new = login(c2['DbUser'], c2['DbPassword'])
        T.ok(old.returncode != 0 and new.returncode == 0, 'a new GetClusterCredentials replaces the password')
        c = rs.get_cluster_credentials(DbUser=cfg_user, ClusterIdentifier='emu-cluster')
        r = login(c['DbUser'], c['DbPassword'])
        T.ok(r.returncode == 0 and r.stdout.strip() == f'IAM:{cfg_user}',
             'a configured db user is created without AutoCreate and logs in as IAM:<user>', r.stderr)
        c = rs.get_cluster_credentials(DbUser=stranger, ClusterIdentifier='emu-cluster')
        r = login(c['DbUser'], c['DbPassword'])
        T.ok(r.returncode != 0, 'an unconfigured user without AutoCreate is not created (login fails)')
        c = client(emu, 'redshift', creds=TAPROLE).get_cluster_credentials_with_iam(ClusterIdentifier='emu-cluster')
        r = login(c['DbUser'], c['DbPassword'])
        T.ok(r.returncode == 0 and r.stdout.strip() == 'IAMR:EmuTapRole',
             'GetClusterCredentialsWithIAM password logs in as IAMR:<role>', r.stderr)
        c = client(emu, 'redshift-serverless', creds=TAPUSER).get_credentials(workgroupName='emu-workgroup')
        r = login(c['dbUser'], c['dbPassword'])
        T.ok(r.returncode == 0 and r.stdout.strip() == 'IAM:emutap', 'serverless GetCredentials password logs in',
             r.stderr)
        emu.control('POST', 'expiration', {'seconds': -60})
        c = rs.get_cluster_credentials(DbUser=cfg_user, ClusterIdentifier='emu-cluster')
        emu.control('POST', 'expiration', {'seconds': None})
        r = login(c['DbUser'], c['DbPassword'])
        T.ok(r.returncode != 0, 'a password past its VALID UNTIL does not log in')
        log = open(emu.log_path).read()
        T.ok(c['DbPassword'] not in log, 'the emulator log holds no issued password')
    finally:
        emu.stop()
        drop = ''.join(f'DROP ROLE IF EXISTS :"r{i}";\n' for i in range(len(roles)))
        args = su[:]
        for i, role in enumerate(roles):
            args += ['-v', f'r{i}={role}']
        psql(args, input_text=drop)


def make_cert(workdir):
    if not shutil.which('openssl'):
        return None
    cert, key = os.path.join(workdir, 'cert.pem'), os.path.join(workdir, 'key.pem')
    r = subprocess.run(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key,
                        '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1',
                        '-addext', 'subjectAltName=IP:127.0.0.1'], capture_output=True, timeout=60)
    return (cert, key) if r.returncode == 0 else None


def main():
    workdir = tempfile.mkdtemp(prefix='awsemu-test-')
    emu = None
    try:
        use_emulator_models(workdir)
        tls = make_cert(workdir)
        emu = Emulator(workdir, https=tls)
        emu.cert = tls[0] if tls else None
        st, body = emu.control('GET', 'health')
        T.ok(st == 200 and body == {'ok': True} and emu.port > 0, 'emulator writes its port file and answers')
        for part in (test_redshift, test_serverless, test_sts, test_signatures, test_sso_ecs_imds,
                     test_faults, test_calls, test_https):
            T.check(f'{part.__name__} ran to the end', lambda: part(emu) is None)
        rc = emu.stop()
        T.ok(rc == 0, 'emulator exits 0 on SIGTERM', rc)
        log = open(emu.log_path).read()
        T.ok('FAKE+emulator' not in log and 'FAKE-emulator-session' not in log and 'oidc-token' not in log,
             'the emulator log holds no secrets or tokens')
        T.check('test_postgres ran to the end', lambda: test_postgres(workdir) is None)
    except Exception:
        T.ok(False, 'test setup', traceback.format_exc())
    finally:
        if emu is not None and emu.proc.poll() is None:
            emu.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    return T.finish()


if __name__ == '__main__':
    sys.exit(main())
