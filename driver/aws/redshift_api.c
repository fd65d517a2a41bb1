/* redshift_api.c - Redshift Query-protocol calls (see redshift_api.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aws/awsxml.h"
#include "aws/redshift_api.h"

#define REDSHIFT_VERSION "2012-12-01"
#define FORM_MAX 16384

/* Call an action with the form in body; parse the XML answer into *x. */
static int query(const rs_aws_target *t, const char *what, const char *body, rs_xml **x,
                 rs_aws_error *err)
{
    rs_aws_call c = {
        .what = what, .protocol = RS_AWS_QUERY, .endpoint_url = t->endpoint_url,
        .region = t->region, .service = "redshift", .body = body, .body_len = strlen(body),
        .creds = t->creds, .ca_file = t->ca_file, .connect_timeout_ms = t->connect_timeout_ms,
    };
    rs_http_response resp;
    if (rs_aws_call_perform(&c, &resp, err) < 0)
        return -1;
    int rc = rs_xml_parse(resp.body, resp.body_len, what, x, err);
    rs_http_response_free(&resp);
    return rc;
}

static int form_overflow(rs_aws_error *err, const char *what)
{
    return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "%s: the request is too large (check DbGroups)", what);
}

/* Add DbGroups.member.N for each non-empty, trimmed, comma-separated group. */
static int add_groups(char *form, size_t size, const char *groups)
{
    int n = 0;
    while (groups && *groups) {
        size_t len = strcspn(groups, ",");
        const char *s = groups;
        size_t l = len;
        while (l && isspace((unsigned char)*s)) {
            s++;
            l--;
        }
        while (l && isspace((unsigned char)s[l - 1]))
            l--;
        if (l) {
            char name[40], value[256];
            if (l >= sizeof value)
                return -1;
            memcpy(value, s, l);
            value[l] = '\0';
            snprintf(name, sizeof name, "DbGroups.member.%d", ++n);
            if (rs_form_add(form, size, name, value) < 0)
                return -1;
        }
        groups += len;
        if (*groups == ',')
            groups++;
    }
    return 0;
}

static int add_target(char *form, size_t size, const rs_cluster_creds_request *r)
{
    if (r->custom_domain && *r->custom_domain)
        return rs_form_add(form, size, "CustomDomainName", r->custom_domain);
    return rs_form_add(form, size, "ClusterIdentifier", r->cluster_id ? r->cluster_id : "");
}

static int read_credentials(rs_xml *x, const char *result, const char *what, rs_db_credentials *out,
                            rs_aws_error *err)
{
    char path[128], exp[64] = "";
    snprintf(path, sizeof path, "%s/DbUser", result);
    int bad = rs_xml_text(x, path, out->db_user, sizeof out->db_user) < 0;
    snprintf(path, sizeof path, "%s/DbPassword", result);
    bad |= rs_xml_text(x, path, out->db_password, sizeof out->db_password) < 0;
    snprintf(path, sizeof path, "%s/Expiration", result);
    bad |= rs_xml_text(x, path, exp, sizeof exp) < 0 || rs_parse_iso8601(exp, &out->expiration) < 0;
    if (bad) {
        explicit_bzero(out->db_password, sizeof out->db_password);
        return rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL,
                                "%s: the answer lacks DbUser, DbPassword or a valid Expiration", what);
    }
    return 0;
}

int rs_redshift_get_cluster_credentials(const rs_aws_target *t, const rs_cluster_creds_request *r,
                                        rs_db_credentials *out, rs_aws_error *err)
{
    const char *what = "redshift GetClusterCredentials";
    char form[FORM_MAX] = "";
    char dur[16];
    snprintf(dur, sizeof dur, "%d", r->duration_seconds);
    if (rs_form_add(form, sizeof form, "Action", "GetClusterCredentials") < 0
        || rs_form_add(form, sizeof form, "Version", REDSHIFT_VERSION) < 0
        || rs_form_add(form, sizeof form, "DbUser", r->db_user ? r->db_user : "") < 0
        || (r->db_name && *r->db_name && rs_form_add(form, sizeof form, "DbName", r->db_name) < 0)
        || add_groups(form, sizeof form, r->db_groups) < 0
        || (r->auto_create && rs_form_add(form, sizeof form, "AutoCreate", "true") < 0)
        || (r->duration_seconds > 0 && rs_form_add(form, sizeof form, "DurationSeconds", dur) < 0)
        || add_target(form, sizeof form, r) < 0)
        return form_overflow(err, what);
    rs_xml *x;
    if (query(t, what, form, &x, err) < 0)
        return -1;
    int rc = read_credentials(x, "GetClusterCredentialsResult", what, out, err);
    rs_xml_free(x);
    return rc;
}

int rs_redshift_get_cluster_credentials_with_iam(const rs_aws_target *t,
                                                 const rs_cluster_creds_request *r,
                                                 rs_db_credentials *out, rs_aws_error *err)
{
    const char *what = "redshift GetClusterCredentialsWithIAM";
    char form[4096] = "";
    char dur[16];
    snprintf(dur, sizeof dur, "%d", r->duration_seconds);
    if (rs_form_add(form, sizeof form, "Action", "GetClusterCredentialsWithIAM") < 0
        || rs_form_add(form, sizeof form, "Version", REDSHIFT_VERSION) < 0
        || (r->db_name && *r->db_name && rs_form_add(form, sizeof form, "DbName", r->db_name) < 0)
        || (r->duration_seconds > 0 && rs_form_add(form, sizeof form, "DurationSeconds", dur) < 0)
        || add_target(form, sizeof form, r) < 0)
        return form_overflow(err, what);
    rs_xml *x;
    if (query(t, what, form, &x, err) < 0)
        return -1;
    int rc = read_credentials(x, "GetClusterCredentialsWithIAMResult", what, out, err);
    rs_xml_free(x);
    return rc;
}

int rs_redshift_describe_cluster(const rs_aws_target *t, const char *cluster_id,
                                 char *host, size_t host_size, int *port, rs_aws_error *err)
{
    const char *what = "redshift DescribeClusters";
    char form[1024] = "";
    if (rs_form_add(form, sizeof form, "Action", "DescribeClusters") < 0
        || rs_form_add(form, sizeof form, "Version", REDSHIFT_VERSION) < 0
        || rs_form_add(form, sizeof form, "ClusterIdentifier", cluster_id) < 0)
        return form_overflow(err, what);
    rs_xml *x;
    if (query(t, what, form, &x, err) < 0)
        return -1;
    char port_s[16] = "", status[64] = "";
    int have_host = rs_xml_text(x, "Clusters/Cluster[0]/Endpoint/Address", host, host_size) == 0;
    int have_port = rs_xml_text(x, "Clusters/Cluster[0]/Endpoint/Port", port_s, sizeof port_s) == 0;
    rs_xml_text(x, "Clusters/Cluster[0]/ClusterStatus", status, sizeof status);
    rs_xml_free(x);
    if (!have_host || !have_port || atoi(port_s) <= 0 || atoi(port_s) > 65535)
        return rs_aws_error_set(err, RS_AWS_ERR_SERVICE,
                                "%s: cluster \"%s\" has no endpoint yet%s%s%s; set Server and Port", what,
                                cluster_id, status[0] ? " (status " : "", status, status[0] ? ")" : "");
    *port = atoi(port_s);
    return 0;
}

int rs_redshift_custom_domain_cluster(const rs_aws_target *t, const char *custom_domain,
                                      char *cluster_id, size_t size, rs_aws_error *err)
{
    const char *what = "redshift DescribeCustomDomainAssociations";
    char form[1024] = "";
    if (rs_form_add(form, sizeof form, "Action", "DescribeCustomDomainAssociations") < 0
        || rs_form_add(form, sizeof form, "Version", REDSHIFT_VERSION) < 0
        || rs_form_add(form, sizeof form, "CustomDomainName", custom_domain) < 0)
        return form_overflow(err, what);
    rs_xml *x;
    if (query(t, what, form, &x, err) < 0)
        return -1;
    /* Associations/Association[a]/CertificateAssociations/CertificateAssociation[c] */
    int found = 0;
    for (int a = 0; a < 100 && !found; a++) {
        char path[192], name[256];
        int any = 0;
        for (int c = 0; c < 100; c++) {
            snprintf(path, sizeof path, "Associations/Association[%d]/CertificateAssociations/"
                     "CertificateAssociation[%d]/CustomDomainName", a, c);
            if (rs_xml_text(x, path, name, sizeof name) < 0)
                break;
            any = 1;
            if (strcasecmp(name, custom_domain) == 0) {
                snprintf(path, sizeof path, "Associations/Association[%d]/CertificateAssociations/"
                         "CertificateAssociation[%d]/ClusterIdentifier", a, c);
                found = rs_xml_text(x, path, cluster_id, size) == 0;
                break;
            }
        }
        if (!any)
            break;
    }
    rs_xml_free(x);
    if (!found)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                                "%s: no cluster is associated with the custom domain \"%s\"; set ClusterId=...",
                                what, custom_domain);
    return 0;
}
