/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog: Markdown coordination documents — parse, validate, digest,
 * append, gate. The umbrella header: include this one. */
#ifndef STATUSLOG_H
#define STATUSLOG_H

#include "statuslog/check.h"
#include "statuslog/common.h"
#include "statuslog/config.h"
#include "statuslog/digest.h"
#include "statuslog/diag.h"
#include "statuslog/doc.h"
#include "statuslog/json.h"
#include "statuslog/lint.h"
#include "statuslog/parallel.h"
#include "statuslog/edit.h"
#include "statuslog/parse.h"
#include "statuslog/report.h"
#include "statuslog/run.h"
#include "statuslog/template.h"

#endif
