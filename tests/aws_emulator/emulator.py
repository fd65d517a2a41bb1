#!/usr/bin/python3
"""Local AWS endpoint emulator for rsodbc's tests. See README.md beside this file.

python3 emulator.py --config CONFIG.json --port-file F [--port 0]
    [--https-port-file F2 --cert C --key K]
    [--pg-host SOCKDIR --pg-port P --pg-superuser U --pg-database D]
"""

import argparse
import logging
import os
import signal
import ssl
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True     # keep the source tree clean

from awsemu import http as emuhttp                      # noqa: E402
from awsemu.config import Config, ConfigError          # noqa: E402
from awsemu.control import Control                     # noqa: E402
from awsemu.ecs import EcsFront                        # noqa: E402
from awsemu.imds import ImdsFront                      # noqa: E402
from awsemu.jsonproto import JsonFront                 # noqa: E402
from awsemu.postgres import Postgres                   # noqa: E402
from awsemu.query import QueryFront                    # noqa: E402
from awsemu.redshift import Redshift                   # noqa: E402
from awsemu.serverless import RedshiftServerless       # noqa: E402
from awsemu.sso import SsoFront                        # noqa: E402
from awsemu.state import State                         # noqa: E402
from awsemu.sts import Sts                             # noqa: E402

log = logging.getLogger('awsemu')


def parse_args(argv):
    p = argparse.ArgumentParser(description='Local AWS endpoint emulator (tests only).')
    p.add_argument('--config', required=True)
    p.add_argument('--port-file', required=True)
    p.add_argument('--port', type=int, default=0)
    p.add_argument('--https-port-file')
    p.add_argument('--https-port', type=int, default=0)
    p.add_argument('--cert')
    p.add_argument('--key')
    p.add_argument('--pg-host', help='PostgreSQL Unix socket directory')
    p.add_argument('--pg-port', type=int)
    p.add_argument('--pg-superuser')
    p.add_argument('--pg-database', default='postgres')
    args = p.parse_args(argv)
    if bool(args.cert) != bool(args.key) or (args.cert and not args.https_port_file):
        p.error('--cert, --key and --https-port-file go together')
    pg = [args.pg_host, args.pg_port, args.pg_superuser]
    if any(pg) and not all(pg):
        p.error('--pg-host, --pg-port and --pg-superuser go together')
    return args


def write_port_file(path, port):
    tmp = f'{path}.tmp{os.getpid()}'
    with open(tmp, 'w', encoding='ascii') as f:
        f.write(f'{port}\n')
    os.replace(tmp, path)


def build_app(config, pg):
    state = State(config)
    query = QueryFront(state, {'redshift': Redshift(state, pg), 'sts': Sts(state, pg)})
    jsonf = JsonFront(state, {'redshift-serverless': RedshiftServerless(state, pg)})
    # Order matters: fixed paths first, then protocol sniffing.
    fronts = [ImdsFront(state), SsoFront(state), EcsFront(state), jsonf, query]
    return emuhttp.App(state, fronts, Control(state))


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    logging.basicConfig(stream=sys.stderr, level=logging.INFO,
                        format='awsemu %(asctime)s %(message)s')
    try:
        config = Config.load(args.config, args.pg_port)
    except (OSError, ValueError, ConfigError) as e:
        log.error('bad config %s: %s', args.config, e)
        return 2
    pg = None
    if args.pg_host:
        pg = Postgres(args.pg_host, args.pg_port, args.pg_superuser, args.pg_database)
    app = build_app(config, pg)

    servers = [(emuhttp.make_server(app, args.port), args.port_file, 'http')]
    if args.cert:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(args.cert, args.key)
        servers.append((emuhttp.make_server(app, args.https_port, ctx), args.https_port_file, 'https'))

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    threads = []
    for server, port_file, scheme in servers:
        t = threading.Thread(target=server.serve_forever, kwargs={'poll_interval': 0.2}, daemon=True)
        t.start()
        threads.append(t)
        port = server.server_address[1]
        write_port_file(port_file, port)
        log.info('listening on %s://127.0.0.1:%d', scheme, port)
    while not stop.wait(1.0):
        pass
    log.info('stopping')
    for server, _, _ in servers:
        server.shutdown()
        server.server_close()
    return 0


if __name__ == '__main__':
    sys.exit(main())
