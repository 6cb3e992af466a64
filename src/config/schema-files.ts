/**
 * Names and addresses of the published JSON Schemas, apart from the schemas themselves: shell
 * completion and `phoenix schema` read these without loading the schema definitions.
 */

/**
 * Where the published schemas live: every `$id` is `<SCHEMA_BASE><file name>`, and a config
 * file names its schema by that URL in `$schema`. The `v1` segment is the version of the file
 * formats, not of Phoenix: it changes only when a change would break existing files, so a
 * `$schema` written today keeps meaning the same thing.
 */
export const SCHEMA_BASE = 'https://phoenix.dev/schemas/v1/';

/** Each published schema file and the root file it describes. */
export const SCHEMA_TARGETS: Readonly<Record<string, string>> = {
  'phoenix_hypervisor_config.schema.json': 'etc/phoenix_hypervisor_config.json',
  'phoenix_vm_configs.schema.json': 'etc/phoenix_vm_configs.json',
  'phoenix_lxc_configs.schema.json': 'etc/phoenix_lxc_configs.json',
  'phoenix_stacks_config.schema.json': 'etc/phoenix_stacks_config.json',
  'phoenix.schema.json': 'stacks/<stack>/phoenix.json',
};

/** The `$id` (and the `$schema` value for config files) of a published schema file. */
export function schemaId(name: string): string {
  return SCHEMA_BASE + name;
}
