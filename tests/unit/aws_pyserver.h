/* aws_pyserver.h - start a Python helper server for a unit test and stop it.
 * The script prints its port on the first line and exits when its stdin closes. */
#ifndef RS_AWS_PYSERVER_H
#define RS_AWS_PYSERVER_H

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct pyserver {
    pid_t pid;
    int stdin_fd;
    int port;
} pyserver;

static int pyserver_start(pyserver *s, const char *script)
{
    int in[2], out[2];
    if (pipe(in) < 0 || pipe(out) < 0)
        return -1;
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        close(in[1]);
        close(out[0]);
        execlp("python3", "python3", script, (char *)NULL);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    FILE *f = fdopen(out[0], "r");
    char line[32] = "";
    if (!f || !fgets(line, sizeof line, f)) {
        kill(pid, SIGTERM);
        waitpid(pid, NULL, 0);
        return -1;
    }
    fclose(f);
    s->pid = pid;
    s->stdin_fd = in[1];
    s->port = atoi(line);
    return s->port > 0 ? 0 : -1;
}

static void pyserver_stop(pyserver *s)
{
    if (s->pid <= 0)
        return;
    close(s->stdin_fd);
    int status;
    for (int i = 0; i < 50; i++) {
        if (waitpid(s->pid, &status, WNOHANG) == s->pid) {
            s->pid = 0;
            return;
        }
        usleep(100000);
    }
    kill(s->pid, SIGTERM);
    waitpid(s->pid, &status, 0);
    s->pid = 0;
}

#endif
