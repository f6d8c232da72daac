/* SPDX-License-Identifier: BSD-2-Clause */
/* Man pages (mdoc) and shell completions (bash, zsh, fish), written from the
 * same command and option tables that parse argv and print --help, so that
 * they cannot drift: `statuslog help --man [COMMAND]` and `statuslog help
 * --completion SHELL`. The build writes them into man/ and completions/. */
#include "cli.h"

#include <string.h>

/* The date of the pages: the version's, so that a build is reproducible. */
#define MAN_DATE "November 25, 2026"

/* The values an option takes, for completion and the pages. */
static const struct {
    const char *command; /* NULL: every command with the option */
    const char *option, *values;
} option_values[] = {
    {"digest", "format", "markdown html text json"},
    {NULL, "format", "text json github sarif"},
    {NULL, "fail-on", "error warning info"},
};

static const char *values_of(const cli_command *cmd, const char *option)
{
    for (size_t i = 0; i < sizeof option_values / sizeof *option_values; i++)
        if (!strcmp(option_values[i].option, option) &&
            (!option_values[i].command || !strcmp(option_values[i].command, cmd->name)))
            return option_values[i].values;
    return NULL;
}

/* Options whose argument is a file (completed as files). */
static int takes_file(const cli_option *o)
{
    return o->arg && (strstr(o->arg, "FILE") || !strcmp(o->arg, "DIR") || !strcmp(o->arg, "PATH"));
}

/* --- mdoc ------------------------------------------------------------------- */

/* Text for text lines: a leading dot or quote escaped, backslashes made
 * \e, and each sentence on a line of its own (as mdoc wants them). */
static void roff_text(FILE *out, const char *s, size_t n)
{
    int line_start = 1;
    for (size_t i = 0; i < n; i++) {
        if (line_start && (s[i] == '.' || s[i] == '\''))
            fputs("\\&", out);
        line_start = 0;
        if (s[i] == '\\')
            fputs("\\e", out);
        else
            fputc(s[i], out);
        if ((s[i] == '.' || s[i] == '?' || s[i] == '!' || s[i] == ':') && i + 2 < n &&
            s[i + 1] == ' ' && s[i + 2] != ' ') {
            fputc('\n', out);
            i++; /* the space */
            line_start = 1;
        }
    }
    fputc('\n', out);
}

/* A command line for .Dl: backslashes as \e, and '-' as \- so that it is
 * a minus to copy and paste, not a hyphen. */
static void roff_literal(FILE *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '\\')
            fputs("\\e", out);
        else if (*s == '-')
            fputs("\\-", out);
        else
            fputc(*s, out);
    }
    fputc('\n', out);
}

/* A paragraph of --help text (lines folded, blank lines as .Pp). */
static void roff_paragraphs(FILE *out, const char *text)
{
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        size_t k = 0;
        while (k < n && p[k] == ' ')
            k++;
        if (k == n)
            fputs(".Pp\n", out);
        else
            roff_text(out, p + k, n - k);
        p += n + (nl != NULL);
    }
}

/* In the order mdoc wants them: by name. */
static const char *const see_also_commands[] = {"append", "check", "digest", "fix",     "lint",
                                                "mcp",    "merge", "parse",  "template"};

static void see_also(FILE *out, const char *except)
{
    fputs(".Sh SEE ALSO\n", out);
    size_t n = sizeof see_also_commands / sizeof *see_also_commands;
    if (except)
        fputs(".Xr statuslog 1 ,\n", out);
    for (size_t i = 0; i < n; i++) {
        if (except && !strcmp(see_also_commands[i], except))
            continue;
        fprintf(out, ".Xr statuslog-%s 1 ,\n", see_also_commands[i]);
    }
    fputs(".Xr statuslog-config 5\n", out);
}

static void exit_status(FILE *out)
{
    fputs(".Sh EXIT STATUS\n.Bl -tag -width Ds -compact\n"
          ".It 0\nsuccess; no finding at or above\n.Fl \\-fail-on\n"
          ".It 1\nfindings at or above\n.Fl \\-fail-on ,\na repair due\n.Pq Cm fix Fl \\-check ,\n"
          "or a merge conflict\n"
          ".It 2\nusage error, unreadable input, invalid configuration, write error\n.El\n",
          out);
}

static void command_page(FILE *out, const cli_command *cmd)
{
    fprintf(out, ".Dd %s\n.Dt STATUSLOG-", MAN_DATE);
    for (const char *p = cmd->name; *p; p++)
        fputc(*p >= 'a' && *p <= 'z' ? *p - 32 : *p, out);
    fprintf(out, " 1\n.Os\n.Sh NAME\n.Nm statuslog-%s\n.Nd ", cmd->name);
    size_t n = strlen(cmd->summary);
    roff_text(out, cmd->summary, n && cmd->summary[n - 1] == '.' ? n - 1 : n);
    fprintf(out, ".Sh SYNOPSIS\n.Nm statuslog\n.Cm %s\n.Op Ar OPTION ...\n", cmd->name);
    roff_text(out, cmd->usage, strlen(cmd->usage));
    /* the summary is the NAME line's; DESCRIPTION goes on from there */
    fputs(".Sh DESCRIPTION\n", out);
    roff_paragraphs(out, cmd->details ? cmd->details : cmd->summary);
    fputs(".Sh OPTIONS\n.Bl -tag -width Ds\n", out);
    for (const cli_option *o = cmd->options; o && o->name; o++) {
        fputs(".It", out);
        if (o->key < 256)
            fprintf(out, " Fl %c ,", o->key);
        fprintf(out, " Fl \\-%s", o->name);
        if (o->arg)
            fprintf(out, " Ar %s", o->arg);
        fputc('\n', out);
        roff_text(out, o->help, strlen(o->help));
    }
    fputs(".It Fl h , Fl \\-help\nshow the help and exit\n.El\n", out);
    if (cmd->more_help == cli_print_rules) {
        fputs(".Sh RULES\n.Bl -tag -width Ds\n", out);
        for (int r = 0; r < SLOG_RULE_COUNT; r++) {
            const slog_rule_info *info = slog_rule_get((slog_rule)r);
            fprintf(out, ".It Cm %s\n(%s)\n", info->name, slog_severity_name(info->severity));
            roff_text(out, info->description, strlen(info->description));
        }
        fputs(".El\n", out);
    }
    exit_status(out);
    if (cmd->examples && cmd->examples[0].command) {
        fputs(".Sh EXAMPLES\n", out);
        for (const cli_example *e = cmd->examples; e->command; e++) {
            if (e != cmd->examples)
                fputs(".Pp\n", out);
            roff_text(out, e->what, strlen(e->what));
            fputs(".Pp\n.Dl ", out);
            roff_literal(out, e->command);
        }
    }
    see_also(out, cmd->name);
}

static void overview_page(FILE *out, const cli_command *const *commands, size_t n)
{
    fprintf(out,
            ".Dd %s\n.Dt STATUSLOG 1\n.Os\n.Sh NAME\n.Nm statuslog\n"
            ".Nd read, validate, digest, append to, repair and merge Markdown status logs\n"
            ".Sh SYNOPSIS\n.Nm\n.Ar command\n.Op Ar option ...\n.Op Ar arg ...\n.Nm\n"
            ".Fl \\-help | Fl \\-version\n.Sh DESCRIPTION\n.Nm\n"
            "reads Markdown coordination documents \\(em plans and logs to which people\n"
            "and agents append dated status entries \\(em into a model, validates them,\n"
            "renders digests, appends results safely, repairs them, merges them, and\n"
            "makes CI fail when their history regresses.\n.Pp\nThe commands:\n"
            ".Bl -tag -width template\n",
            MAN_DATE);
    for (size_t i = 0; i < n; i++) {
        fprintf(out, ".It Cm %s\n", commands[i]->name);
        roff_text(out, commands[i]->summary, strlen(commands[i]->summary));
        fprintf(out, "See\n.Xr statuslog-%s 1 .\n", commands[i]->name);
    }
    fputs(".El\n.Pp\nOptions may come before or after operands;\n.Fl \\-\nends them.\n"
          "Errors go to standard error as one line,\n.Dq statuslog: FILE: what went wrong .\n"
          ".Sh FILES\n.Bl -tag -width Ds\n.It Pa .statuslog.json\n"
          "the configuration, found from the document's directory upward; see\n"
          ".Xr statuslog-config 5 .\n.El\n",
          out);
    exit_status(out);
    static const cli_example examples[] = {
        {"statuslog lint docs/", "Every *.md below docs/; exit 1 when an error is found."},
        {"statuslog append docs/plan.md --done 'Shipped the parser'",
         "Record a result in today's entry, safely."},
        {"statuslog digest --week 2026-W10 docs/ -o weekly.md",
         "One page for a week across every document."},
        {NULL, NULL}};
    fputs(".Sh EXAMPLES\n", out);
    for (const cli_example *e = examples; e->command; e++) {
        if (e != examples)
            fputs(".Pp\n", out);
        roff_text(out, e->what, strlen(e->what));
        fputs(".Pp\n.Dl ", out);
        roff_literal(out, e->command);
    }
    see_also(out, NULL);
}

int cli_write_man(FILE *out, const cli_command *const *commands, size_t n, const char *name)
{
    if (!name) {
        overview_page(out, commands, n);
        return 0;
    }
    for (size_t i = 0; i < n; i++)
        if (!strcmp(commands[i]->name, name)) {
            command_page(out, commands[i]);
            return 0;
        }
    return -1;
}

/* --- completions ---------------------------------------------------------------- */

static void bash(FILE *out, const cli_command *const *commands, size_t n)
{
    fputs("# bash completion for statuslog (statuslog help --completion bash)\n"
          "_statuslog() {\n"
          "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
          "    local cmd=${COMP_WORDS[1]} opts=\"\"\n"
          "    COMPREPLY=()\n"
          "    if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
          "        COMPREPLY=($(compgen -W \"",
          out);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s ", commands[i]->name);
    fputs("help --help --version\" -- \"$cur\"))\n        return\n    fi\n    case $cmd in\n", out);
    for (size_t i = 0; i < n; i++) {
        const cli_command *c = commands[i];
        fprintf(out, "    %s)\n        case $prev in\n", c->name);
        for (const cli_option *o = c->options; o && o->name; o++) {
            if (!o->arg)
                continue;
            const char *values = values_of(c, o->name);
            fprintf(out, "        --%s", o->name);
            if (o->key < 256)
                fprintf(out, "|-%c", o->key);
            if (values)
                fprintf(out, ") COMPREPLY=($(compgen -W \"%s\" -- \"$cur\")); return ;;\n", values);
            else if (takes_file(o))
                fputs(") COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n", out);
            else
                fputs(") return ;;\n", out);
        }
        fputs("        esac\n        opts=\"", out);
        for (const cli_option *o = c->options; o && o->name; o++)
            fprintf(out, "--%s ", o->name);
        fputs("--help\" ;;\n", out);
    }
    fputs("    help) COMPREPLY=($(compgen -W \"", out);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s ", commands[i]->name);
    fputs("--man --completion\" -- \"$cur\")); return ;;\n"
          "    esac\n"
          "    if [[ $cur == -* ]]; then\n"
          "        COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
          "    else\n"
          "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
          "    fi\n"
          "}\n"
          "complete -o filenames -F _statuslog statuslog\n",
          out);
}

/* An option's help text with the quoting zsh's _arguments and fish need. */
static void quoted_help(FILE *out, const char *s, const char *specials)
{
    for (; *s; s++) {
        if (*s == '\'')
            fputs("'\\''", out);
        else if (strchr(specials, *s))
            fprintf(out, "\\%c", *s);
        else
            fputc(*s, out);
    }
}

static void zsh(FILE *out, const cli_command *const *commands, size_t n)
{
    fputs("#compdef statuslog\n# zsh completion for statuslog (statuslog help --completion zsh)\n"
          "_statuslog() {\n  local -a commands\n  commands=(\n",
          out);
    for (size_t i = 0; i < n; i++) {
        fprintf(out, "    '%s:", commands[i]->name);
        quoted_help(out, commands[i]->summary, ":");
        fputs("'\n", out);
    }
    fputs("  )\n  if (( CURRENT == 2 )); then\n    _describe 'command' commands\n    return\n  fi\n"
          "  local cmd=${words[2]}\n  shift words\n  (( CURRENT-- ))\n  case $cmd in\n",
          out);
    for (size_t i = 0; i < n; i++) {
        const cli_command *c = commands[i];
        fprintf(out, "  %s)\n    _arguments \\\n", c->name);
        for (const cli_option *o = c->options; o && o->name; o++) {
            const char *values = values_of(c, o->name);
            fprintf(out, "      '--%s", o->name);
            if (o->arg)
                fputc('=', out);
            fputc('[', out);
            quoted_help(out, o->help, "[]:");
            fputc(']', out);
            if (o->arg) {
                fprintf(out, ":%s:", o->arg);
                if (values)
                    fprintf(out, "(%s)", values);
                else if (takes_file(o))
                    fputs("_files", out);
                else
                    fputs(" ", out);
            }
            fputs("' \\\n", out);
        }
        fputs("      '--help[show the help]' \\\n      '*:file:_files' ;;\n", out);
    }
    fputs("  esac\n}\n_statuslog \"$@\"\n", out);
}

static void fish(FILE *out, const cli_command *const *commands, size_t n)
{
    fputs("# fish completion for statuslog (statuslog help --completion fish)\n"
          "complete -c statuslog -f\n",
          out);
    for (size_t i = 0; i < n; i++) {
        fprintf(out, "complete -c statuslog -n __fish_use_subcommand -a %s -d '",
                commands[i]->name);
        quoted_help(out, commands[i]->summary, "");
        fputs("'\n", out);
    }
    for (size_t i = 0; i < n; i++) {
        const cli_command *c = commands[i];
        fprintf(out, "complete -c statuslog -n '__fish_seen_subcommand_from %s' -F\n", c->name);
        for (const cli_option *o = c->options; o && o->name; o++) {
            const char *values = values_of(c, o->name);
            fprintf(out, "complete -c statuslog -n '__fish_seen_subcommand_from %s' -l %s", c->name,
                    o->name);
            if (o->key < 256)
                fprintf(out, " -s %c", o->key);
            if (o->arg)
                fputs(takes_file(o) ? " -r -F" : " -r", out);
            if (values)
                fprintf(out, " -a '%s'", values);
            fputs(" -d '", out);
            quoted_help(out, o->help, "");
            fputs("'\n", out);
        }
    }
}

int cli_write_completion(FILE *out, const cli_command *const *commands, size_t n, const char *shell)
{
    if (!strcmp(shell, "bash"))
        bash(out, commands, n);
    else if (!strcmp(shell, "zsh"))
        zsh(out, commands, n);
    else if (!strcmp(shell, "fish"))
        fish(out, commands, n);
    else
        return -1;
    return 0;
}
