// npm start renders the start page once when the server listens (scripts/warm-up.mjs), so the first visitor does not
// wait for the page's server code to load.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { ownOrigin, warmUp } from '../../scripts/warm-up.mjs';

const servers: Server[] = [];

function serve(answer: (request: IncomingMessage, response: ServerResponse) => void, host = '127.0.0.1'): { server: Server; seen: string[] } {
	const seen: string[] = [];
	const server = createServer((request, response) => {
		seen.push(`${request.method} ${request.url}`);
		answer(request, response);
	});
	servers.push(server);
	server.listen(0, host);
	return { server, seen };
}

afterEach(async () => {
	await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('warmUp', () => {
	it('asks the server for its start page once, waiting for it to listen', async () => {
		const { server, seen } = serve((_, response) => response.end('<!doctype html>'));
		expect(server.listening).toBe(false);
		await expect(warmUp(server)).resolves.toBeNull();
		expect(seen).toEqual(['GET /']);
	});

	it('reaches a server listening on every IPv4 address through loopback', async () => {
		const { server, seen } = serve((_, response) => response.end('ok'), '0.0.0.0');
		await expect(warmUp(server)).resolves.toBeNull();
		expect(seen).toEqual(['GET /']);
	});

	it('says in one line when the page fails, and goes on', async () => {
		const { server } = serve((_, response) => {
			response.statusCode = 500;
			response.end('Internal Error');
		});
		const problem = await warmUp(server);
		expect(problem).toBe('The start page answered 500 when the server rendered it once at start.');
		expect(problem).not.toContain('\n');
	});

	it('says in one line when the server cannot be reached', async () => {
		const { server } = serve((request) => request.socket.destroy());
		const problem = await warmUp(server);
		expect(problem).toMatch(/^The server could not render its start page once at start: .+\.$/);
		expect(problem).not.toContain('\n');
	});
});

describe('ownOrigin', () => {
	it('turns the listening address into one the server can reach itself on', () => {
		expect(ownOrigin({ address: '0.0.0.0', family: 'IPv4', port: 3000 })).toBe('http://127.0.0.1:3000');
		expect(ownOrigin({ address: '::', family: 'IPv6', port: 3000 })).toBe('http://[::1]:3000');
		expect(ownOrigin({ address: '192.168.1.5', family: 'IPv4', port: 8080 })).toBe('http://192.168.1.5:8080');
		expect(ownOrigin({ address: 'fe80::1', family: 'IPv6', port: 80 })).toBe('http://[fe80::1]:80');
	});

	it('gives nothing for a socket path, which fetch cannot reach', () => {
		expect(ownOrigin('/run/explorer.sock')).toBeNull();
		expect(ownOrigin(null)).toBeNull();
	});
});
