/* awsxml.h - reading AWS Query-protocol answers (XML) with libxml2.
 *
 * Paths name elements by local name (namespaces ignored): the first component matches the
 * first such element anywhere in the document, the others are child elements, and "[n]"
 * picks the n-th (0-based) sibling of that name, e.g.
 * "Clusters/Cluster[0]/Endpoint/Address". */
#ifndef RS_AWS_XML_H
#define RS_AWS_XML_H

#include <stddef.h>
#include <time.h>
#include "aws/aws_error.h"

typedef struct rs_xml rs_xml;

/* Parse an answer. `what` names the call for messages ("sts AssumeRole"). Empty,
 * malformed or truncated documents give RS_AWS_ERR_PROTOCOL. Entities are not expanded and
 * nothing is fetched from the network. */
int rs_xml_parse(const char *body, size_t len, const char *what, rs_xml **out, rs_aws_error *err);
void rs_xml_free(rs_xml *x);

/* Copy the text of the element at path into buf. Returns 0, or -1 when absent or when it
 * does not fit (buf is then empty). */
int rs_xml_text(const rs_xml *x, const char *path, char *buf, size_t size);

/* Fill err from a Query-protocol error answer
 * (<ErrorResponse><Error><Code/><Message/></Error><RequestId/></ErrorResponse>).
 * header_request_id is used when the body has none. Always returns -1. */
int rs_xml_error(const char *body, size_t len, long http_status, const char *header_request_id,
                 const char *what, rs_aws_error *err);

/* ISO 8601 UTC timestamp ("2024-05-01T10:00:00Z", fractions and +hh:mm offsets allowed). */
int rs_parse_iso8601(const char *s, time_t *out);

#endif
