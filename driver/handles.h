/* handles.h - the four ODBC handle types (placeholder until the core lands). */
#ifndef RS_HANDLES_H
#define RS_HANDLES_H
#endif
