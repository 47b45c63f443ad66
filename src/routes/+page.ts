export function load() {
	return { title: 'Relationship networks between states, institutions and agreements' };
}
