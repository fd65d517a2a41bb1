/* fuzz_awsxml.c - AWS Query-protocol answers (awsxml.c): rs_xml_parse, the element paths
 * the STS and Redshift calls read with rs_xml_text, rs_parse_iso8601 on what they find, and
 * the same body read as an error answer (rs_xml_error, then aws_error.c).
 *
 * Control byte: bit 0 reads the body as an error answer (rs_xml_error), else as a result
 * whose paths are looked up; the other bits give the output buffer size (1..128), so
 * truncation is exercised too. */
#include "fuzz_util.h"

#include "aws/awsxml.h"

static const char *const paths[] = {
    "AssumeRoleResult/Credentials/AccessKeyId",
    "AssumeRoleWithWebIdentityResult/Credentials/SecretAccessKey",
    "AssumeRoleResult/Credentials/SessionToken",
    "AssumeRoleResult/Credentials/Expiration",
    "GetClusterCredentialsResult/DbUser",
    "GetClusterCredentialsResult/DbPassword",
    "GetClusterCredentialsResult/Expiration",
    "GetClusterCredentialsWithIAMResult/Expiration",
    "Clusters/Cluster[0]/Endpoint/Address",
    "Clusters/Cluster[0]/Endpoint/Port",
    "Clusters/Cluster[0]/ClusterStatus",
    "Clusters/Cluster[1]/ClusterIdentifier",
    "Associations/Association[0]/CertificateAssociations/CertificateAssociation[0]/CustomDomainName",
    "Associations/Association[3]/CertificateAssociations/CertificateAssociation[2]/ClusterIdentifier",
    "Error/Code", "Error/Message", "RequestId", "Error[-1]", "Error[99999999999999999999]/Code",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = { data, size };
    unsigned ctl = fz_byte(&in);
    size_t bufsize = (ctl >> 1) + 1;
    const char *body = (const char *)in.p;
    rs_xml *x = NULL;
    rs_aws_error err;
    memset(&err, 0, sizeof err);
    if (ctl & 1) {
        FZ_CHECK(rs_xml_error(body, in.n, 403, "req-from-header", "fuzz Call", &err) == -1);
        FZ_CHECK(err.kind != RS_AWS_OK && err.message[0] && memchr(err.message, '\0', sizeof err.message));
        (void)rs_aws_error_sqlstate(&err);
        return 0;
    }
    if (rs_xml_parse(body, in.n, "fuzz Call", &x, &err) == 0) {
        char buf[129];
        for (size_t i = 0; i < FZ_COUNT(paths); i++) {
            memset(buf, 'X', sizeof buf);
            if (rs_xml_text(x, paths[i], buf, bufsize) == 0) {
                FZ_CHECK(strlen(buf) < bufsize);
                time_t t;
                (void)rs_parse_iso8601(buf, &t);
            } else {
                FZ_CHECK(buf[0] == '\0');
            }
        }
        rs_xml_free(x);
    } else {
        FZ_CHECK(x == NULL && err.kind != RS_AWS_OK && err.message[0]);
    }
    return 0;
}
