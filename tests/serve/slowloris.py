#!/usr/bin/env python3
"""slowloris.py HOST PORT N INTERVAL SECONDS: opens N connections to the
server and on each sends a request's headers one byte every INTERVAL
seconds, never finishing them, for at most SECONDS seconds. Prints
"open N" once all are connected (the caller then checks that others are
still served), and at the end "closed K of N": how many the server cut
off. Never asserts: the caller does."""
import socket
import sys
import time


def main():
    host, port = sys.argv[1], int(sys.argv[2])
    n, interval, seconds = int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
    header = b"GET /api/orgs HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nX-Slow: " % port
    socks = []
    for _ in range(n):
        s = socket.create_connection((host, port), timeout=5)
        s.setblocking(False)
        socks.append(s)
    print("open %d" % len(socks), flush=True)
    sent = [0] * n
    closed = [False] * n
    end = time.monotonic() + seconds
    while time.monotonic() < end and not all(closed):
        for i, s in enumerate(socks):
            if closed[i]:
                continue
            try:
                if s.recv(4096) == b"":
                    closed[i] = True
                    continue
            except BlockingIOError:
                pass
            except OSError:
                closed[i] = True
                continue
            try:
                byte = header[sent[i]:sent[i] + 1] if sent[i] < len(header) else b"a"
                s.send(byte)
                sent[i] += 1
            except OSError:
                closed[i] = True
        time.sleep(interval)
    print("closed %d of %d" % (sum(closed), n), flush=True)


main()
