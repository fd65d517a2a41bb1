"""redshift (Query protocol): GetClusterCredentials[WithIAM], DescribeClusters,
DescribeCustomDomainAssociations."""

import datetime
import hashlib
import re

from .errors import AwsError
from .models import shown
from .services import Service, iam_db_user, new_db_password, now_utc
from .postgres import PgError

_DB_USER_RE = re.compile(r'^[A-Za-z][A-Za-z0-9_+.@-]{0,63}$')


class Redshift(Service):
    name = 'redshift'

    def __init__(self, state, pg=None):
        super().__init__(state, pg)
        self.operations = {
            'GetClusterCredentials': self.get_cluster_credentials,
            'GetClusterCredentialsWithIAM': self.get_cluster_credentials_with_iam,
            'DescribeClusters': self.describe_clusters,
            'DescribeCustomDomainAssociations': self.describe_custom_domain_associations,
        }

    def validation_error(self, problems, op):
        p = problems[0]
        name = p.dotted()
        if p.kind == 'missing':
            return AwsError('MissingParameter', f'The request must contain the parameter {name}')
        if p.kind == 'unknown':
            return AwsError('InvalidParameterValue', f'Unrecognized parameter: {shown(name)}')
        if p.kind == 'type':
            return AwsError('InvalidParameterValue',
                            f"Invalid value '{shown(p.value)}' for {name}: must be of type {p.detail}.")
        return AwsError('InvalidParameterValue', f"Invalid value '{shown(p.value)}' for {name}: {p.detail}.")

    # ------------------------------------------------------------ lookups

    def _cluster(self, ident, params):
        cid = params.get('ClusterIdentifier')
        domain = params.get('CustomDomainName')
        region = ident['region']
        if not cid and not domain:
            raise AwsError('InvalidParameterCombination',
                           'Either ClusterIdentifier or CustomDomainName must be specified.')
        for c in self.config.clusters:
            if c['region'] != region:
                continue
            if cid and c['id'] != cid.lower():
                continue
            if domain and domain.lower() not in [d['name'].lower() for d in c['custom_domains']]:
                continue
            return c
        if cid:
            raise AwsError('ClusterNotFound', f'Cluster {cid} not found.', 404)
        raise AwsError('ClusterNotFound', f'Cluster with custom domain name {domain} not found.', 404)

    def _issue(self, cluster, db_user, duration, create, groups):
        lifetime = self.state.lifetime(duration)
        expiration = now_utc(self.state) + datetime.timedelta(seconds=lifetime)
        password = new_db_password()
        if self.pg is not None:
            try:
                self.pg.set_password(db_user, password, expiration, create, groups)
            except PgError as e:
                raise AwsError('InternalFailure', str(e), 500, sender=False)
        return password, expiration

    # ------------------------------------------------------------ operations

    def get_cluster_credentials(self, ident, params, req):
        self.require_action_allowed(ident, 'GetClusterCredentials')
        user = params['DbUser']
        if not _DB_USER_RE.match(user) or user.lower() == 'public':
            raise AwsError('InvalidParameterValue',
                           'DbUser must be 1 to 64 characters, start with a letter and contain '
                           'only letters, digits and _+.@- (not PUBLIC).')
        for g in params.get('DbGroups', []):
            if not _DB_USER_RE.match(g):
                raise AwsError('InvalidParameterValue', f'Invalid value for DbGroups: {shown(g)}')
        cluster = self._cluster(ident, params)
        auto_create = bool(params.get('AutoCreate'))
        # AWS answers IAMA:<user> when AutoCreate is true, IAM:<user> otherwise.
        db_user = ('IAMA:' if auto_create else 'IAM:') + user
        create = auto_create or user in cluster['db_users']
        password, expiration = self._issue(cluster, db_user, params.get('DurationSeconds', 900),
                                           create, params.get('DbGroups', []))
        return {'DbUser': db_user, 'DbPassword': password, 'Expiration': expiration}

    def get_cluster_credentials_with_iam(self, ident, params, req):
        self.require_action_allowed(ident, 'GetClusterCredentialsWithIAM')
        cluster = self._cluster(ident, params)
        db_user = iam_db_user(ident['arn'])
        # Redshift creates the user an IAM identity maps to on first login.
        password, expiration = self._issue(cluster, db_user, params.get('DurationSeconds', 900),
                                           True, [])
        return {'DbUser': db_user, 'DbPassword': password, 'Expiration': expiration,
                'NextRefreshTime': expiration}

    def _describe(self, c):
        account = self.config.account
        created = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
        ns = hashlib.sha256(c['id'].encode()).hexdigest()
        out = {
            'ClusterIdentifier': c['id'],
            'NodeType': 'ra3.xlplus',
            'ClusterStatus': c['status'],
            'ClusterAvailabilityStatus': 'Available' if c['status'] == 'available' else 'Unavailable',
            'MasterUsername': c['master_username'],
            'DBName': c['db_names'][0],
            'Endpoint': {'Address': c['host'], 'Port': c['port']},
            'ClusterCreateTime': created,
            'AutomatedSnapshotRetentionPeriod': 1,
            'NumberOfNodes': 2,
            'PubliclyAccessible': True,
            'Encrypted': True,
            'VpcId': 'vpc-0emulator0000000',
            'AvailabilityZone': c['region'] + 'a',
            'ClusterVersion': '1.0',
            'ClusterNamespaceArn': f"arn:aws:redshift:{c['region']}:{account}:namespace:"
                                   f'{ns[:8]}-{ns[8:12]}-{ns[12:16]}-{ns[16:20]}-{ns[20:32]}',
        }
        if c['custom_domains']:
            d = c['custom_domains'][0]
            out['CustomDomainName'] = d['name']
            out['CustomDomainCertificateArn'] = d.get('certificate_arn')
            out['CustomDomainCertificateExpiryDate'] = created + datetime.timedelta(days=3650)
        return out

    def describe_clusters(self, ident, params, req):
        self.require_action_allowed(ident, 'DescribeClusters')
        cid = params.get('ClusterIdentifier')
        if cid and params.get('Marker'):
            raise AwsError('InvalidParameterCombination',
                           'You can specify either ClusterIdentifier or Marker, but not both.')
        clusters = [c for c in self.config.clusters if c['region'] == ident['region']]
        if cid:
            clusters = [c for c in clusters if c['id'] == cid.lower()]
            if not clusters:
                raise AwsError('ClusterNotFound', f'Cluster {cid} not found.', 404)
        start = 0
        if params.get('Marker'):
            try:
                start = int(params['Marker'])
            except ValueError:
                raise AwsError('InvalidParameterValue', 'Invalid value for Marker.')
        limit = params.get('MaxRecords', 100)
        page = clusters[start:start + limit]
        out = {'Clusters': [self._describe(c) for c in page]}
        if start + limit < len(clusters):
            out['Marker'] = str(start + limit)
        return out

    def describe_custom_domain_associations(self, ident, params, req):
        self.require_action_allowed(ident, 'DescribeCustomDomainAssociations')
        want_domain = (params.get('CustomDomainName') or '').lower()
        want_cert = params.get('CustomDomainCertificateArn')
        by_cert = {}
        for c in self.config.clusters:
            if c['region'] != ident['region']:
                continue
            for d in c['custom_domains']:
                if want_domain and d['name'].lower() != want_domain:
                    continue
                if want_cert and d.get('certificate_arn') != want_cert:
                    continue
                by_cert.setdefault(d.get('certificate_arn'), []).append(
                    {'CustomDomainName': d['name'], 'ClusterIdentifier': c['id']})
        if not by_cert and (want_domain or want_cert):
            raise AwsError('CustomDomainAssociationNotFoundFault',
                           'The custom domain association was not found.', 404)
        expiry = datetime.datetime(2034, 1, 1, tzinfo=datetime.timezone.utc)
        return {'Associations': [
            {'CustomDomainCertificateArn': arn, 'CustomDomainCertificateExpiryDate': expiry,
             'CertificateAssociations': assoc} for arn, assoc in by_cert.items()]}
