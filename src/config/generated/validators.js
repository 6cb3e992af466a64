// GENERATED FILE, do not edit: Ajv standalone validators of the input files' schemas.
// Source: src/config/schema.ts and settings.ts (VALIDATED_SCHEMAS in schema-validated.ts).
// Regenerate with `npm run build` or `npm run schemas`; test/validators.test.ts checks it.
/* eslint-disable */
function ucs2length(str) {
  // Length in code points, as JSON Schema counts it (a surrogate pair is one character).
  const len = str.length;
  let length = 0;
  let pos = 0;
  let value;
  while (pos < len) {
    length++;
    value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < len) {
      value = str.charCodeAt(pos);
      if ((value & 0xfc00) === 0xdc00) pos++;
    }
  }
  return length;
}
export const GlobalConfigSchema = validate0;
const schema0 = {"additionalProperties":true,"description":"Global settings. Sections for provisioning tools are accepted and ignored.","type":"object","required":["domain_name"],"properties":{"$schema":{"type":"string"},"domain_name":{"minLength":1,"description":"Internal DNS domain, e.g. `lab.internal`.","type":"string"},"network":{"additionalProperties":true,"type":"object","properties":{"portainer_server_ip":{"description":"Portainer server address: the API URL when `sync.portainer.url` is unset.","type":"string"},"portainer_server_port":{"minimum":1,"maximum":65535,"description":"Portainer HTTPS port (older revisions): https://<portainer_server_ip>:<port>.","type":"integer"},"portainer_agent_port":{"minimum":1,"maximum":65535,"description":"Agent port of agent environments (default 9001).","type":"integer"},"interfaces":{"additionalProperties":true,"type":"object","properties":{"name":{"type":"string","description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"address":{"description":"The DNS server answers on this address (prefix ignored).","type":"string"},"gateway":{"type":"string","description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"dns_nameservers":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true}}},"external_registry_url":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"default_subnet":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"nfs_server":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"fallback_dns":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"public_bridge":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"internal_bridge":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"macvlan_vlan_tag":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"public_vlan_tag":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true}}},"portainer_api":{"additionalProperties":true,"type":"object","properties":{"admin_user":{"type":"string"},"admin_password":{"description":"Plaintext, or (preferred) a reference: `env:NAME`, `file:PATH`, `age:PATH` (an age-encrypted file) or `sops:PATH#KEY` (a value of a SOPS-encrypted dotenv/JSON/YAML file); paths are relative to the root, and age: and sops: use the identity file named by `PHOENIX_AGE_KEY_FILE` or `SOPS_AGE_KEY_FILE`.","type":"string"},"api_key":{"description":"Access token; used when a non-empty string (`sync.portainer.api_key` takes precedence).","anyOf":[{"type":"string"},{"type":"null"}]},"portainer_hostname":{"description":"Portainer host name: https://<host>:9443 when nothing else says.","type":"string"}}},"dns_server":{"additionalProperties":true,"type":"object","properties":{"enabled":{"type":"boolean"},"upstream_servers":{"type":"array","items":{"type":"string"}},"authoritative_zones":{"description":"Explicit records `<hostname>.<zone_name>` → ip_internal.","type":"array","items":{"additionalProperties":true,"type":"object","required":["zone_name"],"properties":{"zone_name":{"minLength":1,"type":"string"},"records":{"type":"array","items":{"additionalProperties":true,"type":"object","required":["hostname","ip_internal"],"properties":{"hostname":{"minLength":1,"description":"Becomes `<hostname>.<zone_name>`.","type":"string"},"ip_internal":{"description":"The address served.","type":"string"},"ip_external":{"type":"string","description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true}}}}}}}}},"firewall":{"additionalProperties":false,"type":"object","properties":{"enabled":{"type":"boolean"},"default_input_policy":{"anyOf":[{"const":"ACCEPT","type":"string"},{"const":"DROP","type":"string"},{"const":"REJECT","type":"string"}]},"default_output_policy":{"anyOf":[{"const":"ACCEPT","type":"string"},{"const":"DROP","type":"string"},{"const":"REJECT","type":"string"}]},"global_firewall_rules":{"type":"array","items":{"additionalProperties":false,"type":"object","required":["type","action"],"properties":{"type":{"description":"Direction.","anyOf":[{"const":"in","type":"string"},{"const":"out","type":"string"}]},"action":{"description":"ACCEPT, DROP, REJECT, or a PVE macro such as SSH(ACCEPT).","type":"string"},"source":{"type":"string"},"dest":{"type":"string"},"proto":{"type":"string"},"port":{"description":"Destination port(s).","anyOf":[{"type":"string"},{"type":"integer"}]},"sport":{"anyOf":[{"type":"string"},{"type":"integer"}]},"iface":{"type":"string"},"log":{"type":"string"},"comment":{"type":"string"}}}}}},"shared_volumes":{"additionalProperties":true,"type":"object","properties":{"firewall":{"additionalProperties":false,"type":"object","properties":{"enabled":{"type":"boolean"},"default_input_policy":{"anyOf":[{"const":"ACCEPT","type":"string"},{"const":"DROP","type":"string"},{"const":"REJECT","type":"string"}]},"default_output_policy":{"anyOf":[{"const":"ACCEPT","type":"string"},{"const":"DROP","type":"string"},{"const":"REJECT","type":"string"}]},"global_firewall_rules":{"type":"array","items":{"additionalProperties":false,"type":"object","required":["type","action"],"properties":{"type":{"description":"Direction.","anyOf":[{"const":"in","type":"string"},{"const":"out","type":"string"}]},"action":{"description":"ACCEPT, DROP, REJECT, or a PVE macro such as SSH(ACCEPT).","type":"string"},"source":{"type":"string"},"dest":{"type":"string"},"proto":{"type":"string"},"port":{"description":"Destination port(s).","anyOf":[{"type":"string"},{"type":"integer"}]},"sport":{"anyOf":[{"type":"string"},{"type":"integer"}]},"iface":{"type":"string"},"log":{"type":"string"},"comment":{"type":"string"}}}}}}}},"step_ca":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"sync":{"additionalProperties":false,"default":{},"type":"object","required":["default_environment","backend","backends","concurrency","command_timeout_seconds","interrupt_grace_seconds","ignore_warnings","dns","firewall","traefik","portainer","docker","limits","state_dir","serve","notify","checks"],"properties":{"owner_id":{"pattern":"^[a-z0-9][a-z0-9_.-]{0,62}$","description":"Marks what Phoenix made. Never change it once set; defaults to `phoenix-<domain_name>`.","type":"string"},"marker_key":{"description":"Key of the change markers of stacks with secrets (`io.phoenix.hash`, `PHOENIX_HASH`): an `env:NAME` or `file:PATH` reference, never the key itself; at least 16 characters. `phoenix init` generates one. Every machine that syncs this root must use the same key. Without it, markers leave secret values out.","type":"string"},"default_environment":{"default":"production","minLength":1,"description":"Environment of a docker_stacks entry given as a bare name.","type":"string"},"gateway_ip":{"description":"Where routed hostnames resolve (the Traefik host).","type":"string"},"backend":{"default":"portainer","description":"Deploy backend: the Portainer API, or a Docker engine directly.","anyOf":[{"const":"portainer","type":"string"},{"const":"docker","type":"string"}]},"backends":{"default":{},"description":"Deploy backend per vmid, overriding `backend`.","type":"object","patternProperties":{"^[0-9]+$":{"anyOf":[{"const":"portainer","type":"string"},{"const":"docker","type":"string"}]}}},"concurrency":{"minimum":1,"maximum":64,"default":4,"description":"VMs deployed at once.","type":"integer"},"command_timeout_seconds":{"exclusiveMinimum":0,"maximum":86400,"default":60,"description":"Timeout of each external command (reload, restart, validate).","type":"number"},"interrupt_grace_seconds":{"minimum":0,"maximum":3600,"default":30,"description":"After a first Ctrl-C or SIGTERM, how long the changes in flight may take to finish before they are aborted (nothing new starts; a second Ctrl-C aborts at once).","type":"number"},"ignore_warnings":{"default":[],"uniqueItems":true,"description":"Warning codes not to print (the code ends each warning line, e.g. `pve-nic-firewall`). `--json` still reports them, marked ignored.","type":"array","items":{"pattern":"^[a-z0-9][a-z0-9-]*$","type":"string"}},"step_ca_url":{"description":"Step-CA base URL; /health becomes a readiness check.","type":"string"},"dns":{"additionalProperties":false,"default":{},"type":"object","required":["enabled","layout","path"],"properties":{"enabled":{"default":true,"description":"Manage DNS records.","type":"boolean"},"layout":{"default":"addn-hosts","description":"`dnsmasq-conf`: `address=` lines in a dnsmasq.d file (needs a restart). `addn-hosts`: a hosts file re-read on SIGHUP. `hostsdir`: a hosts file in a watched directory (no signal).","anyOf":[{"const":"dnsmasq-conf","type":"string"},{"const":"addn-hosts","type":"string"},{"const":"hostsdir","type":"string"}]},"path":{"default":"/etc/phoenix/dnsmasq.hosts","description":"The file Phoenix owns. Keep hosts-format files out of /etc/dnsmasq.d (dnsmasq reads every file there as config).","type":"string"},"reload_command":{"minItems":1,"description":"A command as an argument array (never run through a shell). `{file}` is replaced by the target file.","type":"array","items":{"minLength":1,"type":"string"}},"test_command":{"minItems":1,"description":"A command as an argument array (never run through a shell). `{file}` is replaced by the target file.","type":"array","items":{"minLength":1,"type":"string"}},"server":{"description":"Where the DNS server answers (`ip` or `ip:port`): a readiness check asks it. `phoenix init` proposes `network.interfaces.address`.","type":"string"}}},"firewall":{"additionalProperties":false,"default":{},"type":"object","required":["enabled","backend","pve_dir","nft_file","nft_table"],"properties":{"enabled":{"default":true,"description":"Manage firewall rules.","type":"boolean"},"backend":{"default":"pve","description":"`pve`: Proxmox VE firewall files. `nftables`: one nft table Phoenix owns.","anyOf":[{"const":"pve","type":"string"},{"const":"nftables","type":"string"}]},"pve_dir":{"default":"/etc/pve/firewall","description":"Where cluster.fw and <vmid>.fw live.","type":"string"},"nft_file":{"default":"/etc/phoenix/phoenix.nft","description":"The nftables file Phoenix owns.","type":"string"},"nft_table":{"default":"phoenix","pattern":"^[a-zA-Z][a-zA-Z0-9_]*$","description":"Name of the `inet` table Phoenix owns.","type":"string"},"apply_command":{"minItems":1,"description":"A command as an argument array (never run through a shell). `{file}` is replaced by the target file.","type":"array","items":{"minLength":1,"type":"string"}},"check_command":{"minItems":1,"description":"A command as an argument array (never run through a shell). `{file}` is replaced by the target file.","type":"array","items":{"minLength":1,"type":"string"}}}},"traefik":{"additionalProperties":false,"default":{},"type":"object","required":["enabled","path","entrypoints"],"properties":{"enabled":{"default":true,"description":"Manage Traefik routes.","type":"boolean"},"path":{"default":"/etc/traefik/dynamic/phoenix.yml","description":"The dynamic configuration file Phoenix owns (file provider).","type":"string"},"entrypoints":{"default":["websecure"],"description":"Entry points of guest routes.","type":"array","items":{"type":"string"}},"cert_resolver":{"description":"certResolver for guest routes.","type":"string"},"ca_file":{"description":"Internal CA (PEM) trusted for HTTPS backends.","type":"string"},"ping_url":{"description":"Traefik ping endpoint, used as a readiness check.","type":"string"},"reload_command":{"minItems":1,"description":"A command as an argument array (never run through a shell). `{file}` is replaced by the target file.","type":"array","items":{"minLength":1,"type":"string"}}}},"portainer":{"additionalProperties":false,"default":{},"type":"object","required":["local_environment","agent_tls","request_timeout_seconds","retries","health_timeout_seconds"],"properties":{"url":{"description":"Defaults to https://<portainer_api.portainer_hostname>:9443.","type":"string"},"ca_file":{"description":"CA bundle (the Step-CA root) to verify Portainer.","type":"string"},"api_key":{"description":"Access token, preferably `env:NAME` or `file:PATH`.","type":"string"},"local_environment":{"default":"local","description":"Environment of the primary VM.","type":"string"},"agent_tls":{"default":true,"description":"Create agent environments with TLS (skip-verify, as the UI does).","type":"boolean"},"request_timeout_seconds":{"exclusiveMinimum":0,"maximum":86400,"default":30,"description":"Timeout of one API request.","type":"number"},"retries":{"minimum":0,"maximum":10,"default":4,"description":"Retries of a request after a 5xx, a reset or a timeout.","type":"integer"},"health_timeout_seconds":{"exclusiveMinimum":0,"maximum":86400,"default":180,"description":"How long to wait for a stack to be running after a deploy.","type":"number"}}},"docker":{"additionalProperties":false,"default":{},"type":"object","required":["host","hosts","health_timeout_seconds"],"properties":{"host":{"default":"unix:///var/run/docker.sock","description":"Default engine (DOCKER_HOST form).","type":"string"},"hosts":{"default":{},"description":"Engine per vmid: unix://, tcp:// (TLS via DOCKER_CERT_PATH), ssh://user@host.","type":"object","patternProperties":{"^[0-9]+$":{"type":"string"}}},"health_timeout_seconds":{"exclusiveMinimum":0,"maximum":86400,"default":180,"description":"How long to wait for a stack to be running after a deploy.","type":"number"}}},"limits":{"additionalProperties":false,"default":{},"type":"object","required":["stack_file_bytes","value_bytes"],"properties":{"stack_file_bytes":{"minimum":1024,"maximum":268435456,"default":4194304,"description":"Largest compose file, phoenix.json or manifest file source read (they are shipped to Portainer or Docker).","type":"integer"},"value_bytes":{"minimum":256,"maximum":67108864,"default":1048576,"description":"Longest string value in any JSON file of the root.","type":"integer"}}},"state_dir":{"default":"/var/lib/phoenix","description":"Where Phoenix keeps its run history (SQLite, `history.db`). Relative paths are under the root. A history that cannot be written never fails a sync (it is warned).","type":"string"},"serve":{"additionalProperties":false,"default":{},"type":"object","required":["listen","poll_seconds","drift_seconds","self_heal","stop_seconds"],"properties":{"listen":{"default":"127.0.0.1:9440","description":"`phoenix serve` listens here (`host:port`): status page, `/runs/<id>`, `/metrics`, `/healthz`, `/hooks/git`. A non-loopback address needs `token`.","type":"string"},"token":{"description":"Bearer token guarding every page but `/healthz` (`env:NAME` or `file:PATH`). Required when `listen` is not a loopback address.","type":"string"},"webhook_secret":{"description":"Secret of `POST /hooks/git` (`env:NAME` or `file:PATH`): the `X-Hub-Signature-256` of GitHub, Forgejo and Gitea is checked with it. Without it the webhook is off.","type":"string"},"poll_seconds":{"minimum":0,"maximum":86400,"default":60,"description":"How often to fetch the root's git upstream (0: never poll; webhooks only).","type":"integer"},"drift_seconds":{"minimum":0,"maximum":86400,"default":600,"description":"How often to plan against the live estate and report drift (0: never).","type":"integer"},"self_heal":{"default":false,"description":"Apply the plan when a drift check finds drift, instead of only reporting it.","type":"boolean"},"stop_seconds":{"minimum":0,"maximum":3600,"default":60,"description":"On SIGTERM, how long the run in flight may take to finish before it is aborted (its changes in flight then get `interrupt_grace_seconds`).","type":"number"}}},"notify":{"default":[],"description":"Where `phoenix serve` sends failures, drift and recoveries (retried with backoff; never blocks a sync).","type":"array","items":{"additionalProperties":false,"type":"object","required":["type","url","on"],"properties":{"type":{"description":"`webhook`: POST a JSON event; `ntfy`: POST to an ntfy topic URL; `apprise`: POST to an Apprise API `/notify` URL.","anyOf":[{"const":"webhook","type":"string"},{"const":"ntfy","type":"string"},{"const":"apprise","type":"string"}]},"url":{"minLength":1,"description":"Where to send (a literal URL, or `env:NAME` / `file:PATH` when it holds a token).","type":"string"},"token":{"description":"Bearer token sent with each notification (`env:NAME` or `file:PATH`).","type":"string"},"on":{"default":["failure","drift","recovery"],"description":"Which events to send.","type":"array","items":{"anyOf":[{"const":"failure","type":"string"},{"const":"drift","type":"string"},{"const":"recovery","type":"string"}]}}}}},"checks":{"default":[],"description":"Readiness checks beyond the derived ones (Portainer, DNS, Traefik ping, Step-CA).","type":"array","items":{"additionalProperties":false,"type":"object","required":["name","kind","required","timeout_seconds","retries"],"properties":{"name":{"minLength":1,"description":"Shown in reports.","type":"string"},"kind":{"description":"What to probe.","anyOf":[{"const":"http","type":"string"},{"const":"tcp","type":"string"},{"const":"dns","type":"string"}]},"url":{"description":"http: the URL to GET.","type":"string"},"expect_status":{"minimum":100,"maximum":599,"description":"http: expected status (default 200).","type":"integer"},"json_field":{"description":"http: a dotted field that must be present (and equal `json_value`).","type":"string"},"json_value":{"description":"http: expected value of `json_field`.","type":"string"},"host":{"description":"tcp: host; dns: name to resolve.","type":"string"},"port":{"minimum":1,"maximum":65535,"description":"tcp: port.","type":"integer"},"server":{"description":"dns: server as ip or ip:port.","type":"string"},"required":{"default":true,"description":"A failed required check stops sync (exit 3); an advisory one only warns.","type":"boolean"},"timeout_seconds":{"exclusiveMinimum":0,"maximum":86400,"default":5,"description":"Timeout of one attempt.","type":"number"},"retries":{"minimum":0,"maximum":20,"default":2,"description":"Attempts after the first, with backoff.","type":"integer"}}}}}}}};
const func0 = ucs2length;
const func3 = Object.prototype.hasOwnProperty;
const pattern0 = new RegExp("^[a-z0-9][a-z0-9_.-]{0,62}$", "u");
const pattern1 = new RegExp("^[0-9]+$", "u");
const pattern2 = new RegExp("^[a-z0-9][a-z0-9-]*$", "u");
const pattern3 = new RegExp("^[a-zA-Z][a-zA-Z0-9_]*$", "u");

function validate0(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.sync === undefined){
data.sync = {};
}
if(data.domain_name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "domain_name"},message:"must have required property '"+"domain_name"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.$schema !== undefined){
if(typeof data.$schema !== "string"){
const err1 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.domain_name !== undefined){
let data1 = data.domain_name;
if(typeof data1 === "string"){
if(func0(data1) < 1){
const err2 = {instancePath:instancePath+"/domain_name",schemaPath:"#/properties/domain_name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/domain_name",schemaPath:"#/properties/domain_name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.network !== undefined){
let data2 = data.network;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.portainer_server_ip !== undefined){
if(typeof data2.portainer_server_ip !== "string"){
const err4 = {instancePath:instancePath+"/network/portainer_server_ip",schemaPath:"#/properties/network/properties/portainer_server_ip/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data2.portainer_server_port !== undefined){
let data4 = data2.portainer_server_port;
if(!((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4)))){
const err5 = {instancePath:instancePath+"/network/portainer_server_port",schemaPath:"#/properties/network/properties/portainer_server_port/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(typeof data4 == "number"){
if(data4 > 65535 || isNaN(data4)){
const err6 = {instancePath:instancePath+"/network/portainer_server_port",schemaPath:"#/properties/network/properties/portainer_server_port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data4 < 1 || isNaN(data4)){
const err7 = {instancePath:instancePath+"/network/portainer_server_port",schemaPath:"#/properties/network/properties/portainer_server_port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
if(data2.portainer_agent_port !== undefined){
let data5 = data2.portainer_agent_port;
if(!((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5)))){
const err8 = {instancePath:instancePath+"/network/portainer_agent_port",schemaPath:"#/properties/network/properties/portainer_agent_port/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(typeof data5 == "number"){
if(data5 > 65535 || isNaN(data5)){
const err9 = {instancePath:instancePath+"/network/portainer_agent_port",schemaPath:"#/properties/network/properties/portainer_agent_port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data5 < 1 || isNaN(data5)){
const err10 = {instancePath:instancePath+"/network/portainer_agent_port",schemaPath:"#/properties/network/properties/portainer_agent_port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
if(data2.interfaces !== undefined){
let data6 = data2.interfaces;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.name !== undefined){
if(typeof data6.name !== "string"){
const err11 = {instancePath:instancePath+"/network/interfaces/name",schemaPath:"#/properties/network/properties/interfaces/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data6.address !== undefined){
if(typeof data6.address !== "string"){
const err12 = {instancePath:instancePath+"/network/interfaces/address",schemaPath:"#/properties/network/properties/interfaces/properties/address/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data6.gateway !== undefined){
if(typeof data6.gateway !== "string"){
const err13 = {instancePath:instancePath+"/network/interfaces/gateway",schemaPath:"#/properties/network/properties/interfaces/properties/gateway/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/network/interfaces",schemaPath:"#/properties/network/properties/interfaces/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/network",schemaPath:"#/properties/network/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.portainer_api !== undefined){
let data10 = data.portainer_api;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.admin_user !== undefined){
if(typeof data10.admin_user !== "string"){
const err16 = {instancePath:instancePath+"/portainer_api/admin_user",schemaPath:"#/properties/portainer_api/properties/admin_user/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data10.admin_password !== undefined){
if(typeof data10.admin_password !== "string"){
const err17 = {instancePath:instancePath+"/portainer_api/admin_password",schemaPath:"#/properties/portainer_api/properties/admin_password/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data10.api_key !== undefined){
let data13 = data10.api_key;
const _errs32 = errors;
let valid4 = false;
const _errs33 = errors;
if(typeof data13 !== "string"){
const err18 = {instancePath:instancePath+"/portainer_api/api_key",schemaPath:"#/properties/portainer_api/properties/api_key/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
var _valid0 = _errs33 === errors;
valid4 = valid4 || _valid0;
if(!valid4){
const _errs35 = errors;
if(data13 !== null){
const err19 = {instancePath:instancePath+"/portainer_api/api_key",schemaPath:"#/properties/portainer_api/properties/api_key/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
var _valid0 = _errs35 === errors;
valid4 = valid4 || _valid0;
}
if(!valid4){
const err20 = {instancePath:instancePath+"/portainer_api/api_key",schemaPath:"#/properties/portainer_api/properties/api_key/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
else {
errors = _errs32;
if(vErrors !== null){
if(_errs32){
vErrors.length = _errs32;
}
else {
vErrors = null;
}
}
}
}
if(data10.portainer_hostname !== undefined){
if(typeof data10.portainer_hostname !== "string"){
const err21 = {instancePath:instancePath+"/portainer_api/portainer_hostname",schemaPath:"#/properties/portainer_api/properties/portainer_hostname/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/portainer_api",schemaPath:"#/properties/portainer_api/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.dns_server !== undefined){
let data15 = data.dns_server;
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
if(data15.enabled !== undefined){
if(typeof data15.enabled !== "boolean"){
const err23 = {instancePath:instancePath+"/dns_server/enabled",schemaPath:"#/properties/dns_server/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data15.upstream_servers !== undefined){
let data17 = data15.upstream_servers;
if(Array.isArray(data17)){
const len0 = data17.length;
for(let i0=0; i0<len0; i0++){
if(typeof data17[i0] !== "string"){
const err24 = {instancePath:instancePath+"/dns_server/upstream_servers/" + i0,schemaPath:"#/properties/dns_server/properties/upstream_servers/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath:instancePath+"/dns_server/upstream_servers",schemaPath:"#/properties/dns_server/properties/upstream_servers/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data15.authoritative_zones !== undefined){
let data19 = data15.authoritative_zones;
if(Array.isArray(data19)){
const len1 = data19.length;
for(let i1=0; i1<len1; i1++){
let data20 = data19[i1];
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
if(data20.zone_name === undefined){
const err26 = {instancePath:instancePath+"/dns_server/authoritative_zones/" + i1,schemaPath:"#/properties/dns_server/properties/authoritative_zones/items/required",keyword:"required",params:{missingProperty: "zone_name"},message:"must have required property '"+"zone_name"+"'"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(data20.zone_name !== undefined){
let data21 = data20.zone_name;
if(typeof data21 === "string"){
if(func0(data21) < 1){
const err27 = {instancePath:instancePath+"/dns_server/authoritative_zones/" + i1+"/zone_name",schemaPath:"#/properties/dns_server/properties/authoritative_zones/items/properties/zone_name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
else {
const err28 = {instancePath:instancePath+"/dns_server/authoritative_zones/" + i1+"/zone_name",schemaPath:"#/properties/dns_server/properties/authoritative_zones/items/properties/zone_name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data20.records !== undefined){
let data22 = data20.records;
if(Array.isArray(data22)){
const len2 = data22.length;
for(let i2=0; i2<len2; i2++){
let data23 = data22[i2];
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
if(data23.hostname === undefined){
const err29 = {instancePath:instancePath+"/dns_server/authoritative_zones/" + i1+"/records/" + i2,schemaPath:"#/properties/dns_server/properties/authoritative_zones/items/properties/records/items/required",keyword:"required",params:{missingProperty: "hostname"},message:"must have required property '"+"hostname"+"'"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data23.ip_internal === undefined){
const err30 = {instancePath:instancePath+"/dns_server/authoritative_zones/" + i1+"/records/" + i2,schemaPath:"#/properties/dns_server/properties/authoritative_zones/items/properties/records/items/required",keyword:"required",params:{missingProperty: "ip_internal"},message:"must have required property '"+"ip_internal"+"'"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(data23.hostname !== undefined){
let data24 = data23.hostname;
if(typeof data24 === "string"){
if(func0(data24) < 1){
const err31 = {instancePath:instancePath+"/dns_server/authoritative_zones/" + i1+"/records/" + i2+"/hostname",schemaPath:"#/properties/dns_server/properties/authoritative_zones/items/properties/records/items/properties/hostname/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
else {
const err32 = {instancePath:instancePath+"/dns_server/authoritative_zones/" + i1+"/records/" + i2+"/hostname",schemaPath:"#/properties/dns_server/properties/authoritative_zones/items/properties/records/items/properties/hostname/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data23.ip_internal !== undefined){
if(typeof data23.ip_internal !== "string"){
const err33 = {instancePath:instancePath+"/dns_server/authoritative_zones/" + i1+"/records/" + i2+"/ip_internal",schemaPath:"#/properties/dns_server/properties/authoritative_zones/items/properties/records/items/properties/ip_internal/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data23.ip_external !== undefined){
if(typeof data23.ip_external !== "string"){
const err34 = {instancePath:instancePath+"/dns_server/authoritative_zones/" + i1+"/records/" + i2+"/ip_external",schemaPath:"#/properties/dns_server/properties/authoritative_zones/items/properties/records/items/properties/ip_external/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath:instancePath+"/dns_server/authoritative_zones/" + i1+"/records/" + i2,schemaPath:"#/properties/dns_server/properties/authoritative_zones/items/properties/records/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
}
else {
const err36 = {instancePath:instancePath+"/dns_server/authoritative_zones/" + i1+"/records",schemaPath:"#/properties/dns_server/properties/authoritative_zones/items/properties/records/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
else {
const err37 = {instancePath:instancePath+"/dns_server/authoritative_zones/" + i1,schemaPath:"#/properties/dns_server/properties/authoritative_zones/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
else {
const err38 = {instancePath:instancePath+"/dns_server/authoritative_zones",schemaPath:"#/properties/dns_server/properties/authoritative_zones/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
else {
const err39 = {instancePath:instancePath+"/dns_server",schemaPath:"#/properties/dns_server/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data.firewall !== undefined){
let data27 = data.firewall;
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
for(const key0 in data27){
if(!((((key0 === "enabled") || (key0 === "default_input_policy")) || (key0 === "default_output_policy")) || (key0 === "global_firewall_rules"))){
const err40 = {instancePath:instancePath+"/firewall",schemaPath:"#/properties/firewall/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data27.enabled !== undefined){
if(typeof data27.enabled !== "boolean"){
const err41 = {instancePath:instancePath+"/firewall/enabled",schemaPath:"#/properties/firewall/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data27.default_input_policy !== undefined){
let data29 = data27.default_input_policy;
const _errs72 = errors;
let valid15 = false;
const _errs73 = errors;
if(typeof data29 !== "string"){
const err42 = {instancePath:instancePath+"/firewall/default_input_policy",schemaPath:"#/properties/firewall/properties/default_input_policy/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
if("ACCEPT" !== data29){
const err43 = {instancePath:instancePath+"/firewall/default_input_policy",schemaPath:"#/properties/firewall/properties/default_input_policy/anyOf/0/const",keyword:"const",params:{allowedValue: "ACCEPT"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
var _valid1 = _errs73 === errors;
valid15 = valid15 || _valid1;
if(!valid15){
const _errs75 = errors;
if(typeof data29 !== "string"){
const err44 = {instancePath:instancePath+"/firewall/default_input_policy",schemaPath:"#/properties/firewall/properties/default_input_policy/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
if("DROP" !== data29){
const err45 = {instancePath:instancePath+"/firewall/default_input_policy",schemaPath:"#/properties/firewall/properties/default_input_policy/anyOf/1/const",keyword:"const",params:{allowedValue: "DROP"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
var _valid1 = _errs75 === errors;
valid15 = valid15 || _valid1;
if(!valid15){
const _errs77 = errors;
if(typeof data29 !== "string"){
const err46 = {instancePath:instancePath+"/firewall/default_input_policy",schemaPath:"#/properties/firewall/properties/default_input_policy/anyOf/2/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
if("REJECT" !== data29){
const err47 = {instancePath:instancePath+"/firewall/default_input_policy",schemaPath:"#/properties/firewall/properties/default_input_policy/anyOf/2/const",keyword:"const",params:{allowedValue: "REJECT"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
var _valid1 = _errs77 === errors;
valid15 = valid15 || _valid1;
}
}
if(!valid15){
const err48 = {instancePath:instancePath+"/firewall/default_input_policy",schemaPath:"#/properties/firewall/properties/default_input_policy/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
else {
errors = _errs72;
if(vErrors !== null){
if(_errs72){
vErrors.length = _errs72;
}
else {
vErrors = null;
}
}
}
}
if(data27.default_output_policy !== undefined){
let data30 = data27.default_output_policy;
const _errs80 = errors;
let valid16 = false;
const _errs81 = errors;
if(typeof data30 !== "string"){
const err49 = {instancePath:instancePath+"/firewall/default_output_policy",schemaPath:"#/properties/firewall/properties/default_output_policy/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
if("ACCEPT" !== data30){
const err50 = {instancePath:instancePath+"/firewall/default_output_policy",schemaPath:"#/properties/firewall/properties/default_output_policy/anyOf/0/const",keyword:"const",params:{allowedValue: "ACCEPT"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
var _valid2 = _errs81 === errors;
valid16 = valid16 || _valid2;
if(!valid16){
const _errs83 = errors;
if(typeof data30 !== "string"){
const err51 = {instancePath:instancePath+"/firewall/default_output_policy",schemaPath:"#/properties/firewall/properties/default_output_policy/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
if("DROP" !== data30){
const err52 = {instancePath:instancePath+"/firewall/default_output_policy",schemaPath:"#/properties/firewall/properties/default_output_policy/anyOf/1/const",keyword:"const",params:{allowedValue: "DROP"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
var _valid2 = _errs83 === errors;
valid16 = valid16 || _valid2;
if(!valid16){
const _errs85 = errors;
if(typeof data30 !== "string"){
const err53 = {instancePath:instancePath+"/firewall/default_output_policy",schemaPath:"#/properties/firewall/properties/default_output_policy/anyOf/2/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
if("REJECT" !== data30){
const err54 = {instancePath:instancePath+"/firewall/default_output_policy",schemaPath:"#/properties/firewall/properties/default_output_policy/anyOf/2/const",keyword:"const",params:{allowedValue: "REJECT"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
var _valid2 = _errs85 === errors;
valid16 = valid16 || _valid2;
}
}
if(!valid16){
const err55 = {instancePath:instancePath+"/firewall/default_output_policy",schemaPath:"#/properties/firewall/properties/default_output_policy/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
else {
errors = _errs80;
if(vErrors !== null){
if(_errs80){
vErrors.length = _errs80;
}
else {
vErrors = null;
}
}
}
}
if(data27.global_firewall_rules !== undefined){
let data31 = data27.global_firewall_rules;
if(Array.isArray(data31)){
const len3 = data31.length;
for(let i3=0; i3<len3; i3++){
let data32 = data31[i3];
if(data32 && typeof data32 == "object" && !Array.isArray(data32)){
if(data32.type === undefined){
const err56 = {instancePath:instancePath+"/firewall/global_firewall_rules/" + i3,schemaPath:"#/properties/firewall/properties/global_firewall_rules/items/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
if(data32.action === undefined){
const err57 = {instancePath:instancePath+"/firewall/global_firewall_rules/" + i3,schemaPath:"#/properties/firewall/properties/global_firewall_rules/items/required",keyword:"required",params:{missingProperty: "action"},message:"must have required property '"+"action"+"'"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
for(const key1 in data32){
if(!(func3.call(schema0.properties.firewall.properties.global_firewall_rules.items.properties, key1))){
const err58 = {instancePath:instancePath+"/firewall/global_firewall_rules/" + i3,schemaPath:"#/properties/firewall/properties/global_firewall_rules/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
if(data32.type !== undefined){
let data33 = data32.type;
const _errs93 = errors;
let valid20 = false;
const _errs94 = errors;
if(typeof data33 !== "string"){
const err59 = {instancePath:instancePath+"/firewall/global_firewall_rules/" + i3+"/type",schemaPath:"#/properties/firewall/properties/global_firewall_rules/items/properties/type/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
if("in" !== data33){
const err60 = {instancePath:instancePath+"/firewall/global_firewall_rules/" + i3+"/type",schemaPath:"#/properties/firewall/properties/global_firewall_rules/items/properties/type/anyOf/0/const",keyword:"const",params:{allowedValue: "in"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
var _valid3 = _errs94 === errors;
valid20 = valid20 || _valid3;
if(!valid20){
const _errs96 = errors;
if(typeof data33 !== "string"){
const err61 = {instancePath:instancePath+"/firewall/global_firewall_rules/" + i3+"/type",schemaPath:"#/properties/firewall/properties/global_firewall_rules/items/properties/type/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
if("out" !== data33){
const err62 = {instancePath:instancePath+"/firewall/global_firewall_rules/" + i3+"/type",schemaPath:"#/properties/firewall/properties/global_firewall_rules/items/properties/type/anyOf/1/const",keyword:"const",params:{allowedValue: "out"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
var _valid3 = _errs96 === errors;
valid20 = valid20 || _valid3;
}
if(!valid20){
const err63 = {instancePath:instancePath+"/firewall/global_firewall_rules/" + i3+"/type",schemaPath:"#/properties/firewall/properties/global_firewall_rules/items/properties/type/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
else {
errors = _errs93;
if(vErrors !== null){
if(_errs93){
vErrors.length = _errs93;
}
else {
vErrors = null;
}
}
}
}
if(data32.action !== undefined){
if(typeof data32.action !== "string"){
const err64 = {instancePath:instancePath+"/firewall/global_firewall_rules/" + i3+"/action",schemaPath:"#/properties/firewall/properties/global_firewall_rules/items/properties/action/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
if(data32.source !== undefined){
if(typeof data32.source !== "string"){
const err65 = {instancePath:instancePath+"/firewall/global_firewall_rules/" + i3+"/source",schemaPath:"#/properties/firewall/properties/global_firewall_rules/items/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(data32.dest !== undefined){
if(typeof data32.dest !== "string"){
const err66 = {instancePath:instancePath+"/firewall/global_firewall_rules/" + i3+"/dest",schemaPath:"#/properties/firewall/properties/global_firewall_rules/items/properties/dest/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
if(data32.proto !== undefined){
if(typeof data32.proto !== "string"){
const err67 = {instancePath:instancePath+"/firewall/global_firewall_rules/" + i3+"/proto",schemaPath:"#/properties/firewall/properties/global_firewall_rules/items/properties/proto/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
if(data32.port !== undefined){
let data38 = data32.port;
const _errs107 = errors;
let valid21 = false;
const _errs108 = errors;
if(typeof data38 !== "string"){
const err68 = {instancePath:instancePath+"/firewall/global_firewall_rules/" + i3+"/port",schemaPath:"#/properties/firewall/properties/global_firewall_rules/items/properties/port/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
var _valid4 = _errs108 === errors;
valid21 = valid21 || _valid4;
if(!valid21){
const _errs110 = errors;
if(!((typeof data38 == "number") && (!(data38 % 1) && !isNaN(data38)))){
const err69 = {instancePath:instancePath+"/firewall/global_firewall_rules/" + i3+"/port",schemaPath:"#/properties/firewall/properties/global_firewall_rules/items/properties/port/anyOf/1/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
var _valid4 = _errs110 === errors;
valid21 = valid21 || _valid4;
}
if(!valid21){
const err70 = {instancePath:instancePath+"/firewall/global_firewall_rules/" + i3+"/port",schemaPath:"#/properties/firewall/properties/global_firewall_rules/items/properties/port/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
else {
errors = _errs107;
if(vErrors !== null){
if(_errs107){
vErrors.length = _errs107;
}
else {
vErrors = null;
}
}
}
}
if(data32.sport !== undefined){
let data39 = data32.sport;
const _errs113 = errors;
let valid22 = false;
const _errs114 = errors;
if(typeof data39 !== "string"){
const err71 = {instancePath:instancePath+"/firewall/global_firewall_rules/" + i3+"/sport",schemaPath:"#/properties/firewall/properties/global_firewall_rules/items/properties/sport/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
var _valid5 = _errs114 === errors;
valid22 = valid22 || _valid5;
if(!valid22){
const _errs116 = errors;
if(!((typeof data39 == "number") && (!(data39 % 1) && !isNaN(data39)))){
const err72 = {instancePath:instancePath+"/firewall/global_firewall_rules/" + i3+"/sport",schemaPath:"#/properties/firewall/properties/global_firewall_rules/items/properties/sport/anyOf/1/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
var _valid5 = _errs116 === errors;
valid22 = valid22 || _valid5;
}
if(!valid22){
const err73 = {instancePath:instancePath+"/firewall/global_firewall_rules/" + i3+"/sport",schemaPath:"#/properties/firewall/properties/global_firewall_rules/items/properties/sport/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
else {
errors = _errs113;
if(vErrors !== null){
if(_errs113){
vErrors.length = _errs113;
}
else {
vErrors = null;
}
}
}
}
if(data32.iface !== undefined){
if(typeof data32.iface !== "string"){
const err74 = {instancePath:instancePath+"/firewall/global_firewall_rules/" + i3+"/iface",schemaPath:"#/properties/firewall/properties/global_firewall_rules/items/properties/iface/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
if(data32.log !== undefined){
if(typeof data32.log !== "string"){
const err75 = {instancePath:instancePath+"/firewall/global_firewall_rules/" + i3+"/log",schemaPath:"#/properties/firewall/properties/global_firewall_rules/items/properties/log/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
if(data32.comment !== undefined){
if(typeof data32.comment !== "string"){
const err76 = {instancePath:instancePath+"/firewall/global_firewall_rules/" + i3+"/comment",schemaPath:"#/properties/firewall/properties/global_firewall_rules/items/properties/comment/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
}
else {
const err77 = {instancePath:instancePath+"/firewall/global_firewall_rules/" + i3,schemaPath:"#/properties/firewall/properties/global_firewall_rules/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
}
else {
const err78 = {instancePath:instancePath+"/firewall/global_firewall_rules",schemaPath:"#/properties/firewall/properties/global_firewall_rules/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
}
else {
const err79 = {instancePath:instancePath+"/firewall",schemaPath:"#/properties/firewall/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
if(data.shared_volumes !== undefined){
let data43 = data.shared_volumes;
if(data43 && typeof data43 == "object" && !Array.isArray(data43)){
if(data43.firewall !== undefined){
let data44 = data43.firewall;
if(data44 && typeof data44 == "object" && !Array.isArray(data44)){
for(const key2 in data44){
if(!((((key2 === "enabled") || (key2 === "default_input_policy")) || (key2 === "default_output_policy")) || (key2 === "global_firewall_rules"))){
const err80 = {instancePath:instancePath+"/shared_volumes/firewall",schemaPath:"#/properties/shared_volumes/properties/firewall/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
if(data44.enabled !== undefined){
if(typeof data44.enabled !== "boolean"){
const err81 = {instancePath:instancePath+"/shared_volumes/firewall/enabled",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
if(data44.default_input_policy !== undefined){
let data46 = data44.default_input_policy;
const _errs133 = errors;
let valid25 = false;
const _errs134 = errors;
if(typeof data46 !== "string"){
const err82 = {instancePath:instancePath+"/shared_volumes/firewall/default_input_policy",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/default_input_policy/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
if("ACCEPT" !== data46){
const err83 = {instancePath:instancePath+"/shared_volumes/firewall/default_input_policy",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/default_input_policy/anyOf/0/const",keyword:"const",params:{allowedValue: "ACCEPT"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
var _valid6 = _errs134 === errors;
valid25 = valid25 || _valid6;
if(!valid25){
const _errs136 = errors;
if(typeof data46 !== "string"){
const err84 = {instancePath:instancePath+"/shared_volumes/firewall/default_input_policy",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/default_input_policy/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
if("DROP" !== data46){
const err85 = {instancePath:instancePath+"/shared_volumes/firewall/default_input_policy",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/default_input_policy/anyOf/1/const",keyword:"const",params:{allowedValue: "DROP"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
var _valid6 = _errs136 === errors;
valid25 = valid25 || _valid6;
if(!valid25){
const _errs138 = errors;
if(typeof data46 !== "string"){
const err86 = {instancePath:instancePath+"/shared_volumes/firewall/default_input_policy",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/default_input_policy/anyOf/2/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
if("REJECT" !== data46){
const err87 = {instancePath:instancePath+"/shared_volumes/firewall/default_input_policy",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/default_input_policy/anyOf/2/const",keyword:"const",params:{allowedValue: "REJECT"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
var _valid6 = _errs138 === errors;
valid25 = valid25 || _valid6;
}
}
if(!valid25){
const err88 = {instancePath:instancePath+"/shared_volumes/firewall/default_input_policy",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/default_input_policy/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
else {
errors = _errs133;
if(vErrors !== null){
if(_errs133){
vErrors.length = _errs133;
}
else {
vErrors = null;
}
}
}
}
if(data44.default_output_policy !== undefined){
let data47 = data44.default_output_policy;
const _errs141 = errors;
let valid26 = false;
const _errs142 = errors;
if(typeof data47 !== "string"){
const err89 = {instancePath:instancePath+"/shared_volumes/firewall/default_output_policy",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/default_output_policy/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
if("ACCEPT" !== data47){
const err90 = {instancePath:instancePath+"/shared_volumes/firewall/default_output_policy",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/default_output_policy/anyOf/0/const",keyword:"const",params:{allowedValue: "ACCEPT"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
var _valid7 = _errs142 === errors;
valid26 = valid26 || _valid7;
if(!valid26){
const _errs144 = errors;
if(typeof data47 !== "string"){
const err91 = {instancePath:instancePath+"/shared_volumes/firewall/default_output_policy",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/default_output_policy/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
if("DROP" !== data47){
const err92 = {instancePath:instancePath+"/shared_volumes/firewall/default_output_policy",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/default_output_policy/anyOf/1/const",keyword:"const",params:{allowedValue: "DROP"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
var _valid7 = _errs144 === errors;
valid26 = valid26 || _valid7;
if(!valid26){
const _errs146 = errors;
if(typeof data47 !== "string"){
const err93 = {instancePath:instancePath+"/shared_volumes/firewall/default_output_policy",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/default_output_policy/anyOf/2/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
if("REJECT" !== data47){
const err94 = {instancePath:instancePath+"/shared_volumes/firewall/default_output_policy",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/default_output_policy/anyOf/2/const",keyword:"const",params:{allowedValue: "REJECT"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
var _valid7 = _errs146 === errors;
valid26 = valid26 || _valid7;
}
}
if(!valid26){
const err95 = {instancePath:instancePath+"/shared_volumes/firewall/default_output_policy",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/default_output_policy/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
else {
errors = _errs141;
if(vErrors !== null){
if(_errs141){
vErrors.length = _errs141;
}
else {
vErrors = null;
}
}
}
}
if(data44.global_firewall_rules !== undefined){
let data48 = data44.global_firewall_rules;
if(Array.isArray(data48)){
const len4 = data48.length;
for(let i4=0; i4<len4; i4++){
let data49 = data48[i4];
if(data49 && typeof data49 == "object" && !Array.isArray(data49)){
if(data49.type === undefined){
const err96 = {instancePath:instancePath+"/shared_volumes/firewall/global_firewall_rules/" + i4,schemaPath:"#/properties/shared_volumes/properties/firewall/properties/global_firewall_rules/items/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
if(data49.action === undefined){
const err97 = {instancePath:instancePath+"/shared_volumes/firewall/global_firewall_rules/" + i4,schemaPath:"#/properties/shared_volumes/properties/firewall/properties/global_firewall_rules/items/required",keyword:"required",params:{missingProperty: "action"},message:"must have required property '"+"action"+"'"};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
for(const key3 in data49){
if(!(func3.call(schema0.properties.shared_volumes.properties.firewall.properties.global_firewall_rules.items.properties, key3))){
const err98 = {instancePath:instancePath+"/shared_volumes/firewall/global_firewall_rules/" + i4,schemaPath:"#/properties/shared_volumes/properties/firewall/properties/global_firewall_rules/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
if(data49.type !== undefined){
let data50 = data49.type;
const _errs154 = errors;
let valid30 = false;
const _errs155 = errors;
if(typeof data50 !== "string"){
const err99 = {instancePath:instancePath+"/shared_volumes/firewall/global_firewall_rules/" + i4+"/type",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/global_firewall_rules/items/properties/type/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
if("in" !== data50){
const err100 = {instancePath:instancePath+"/shared_volumes/firewall/global_firewall_rules/" + i4+"/type",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/global_firewall_rules/items/properties/type/anyOf/0/const",keyword:"const",params:{allowedValue: "in"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
var _valid8 = _errs155 === errors;
valid30 = valid30 || _valid8;
if(!valid30){
const _errs157 = errors;
if(typeof data50 !== "string"){
const err101 = {instancePath:instancePath+"/shared_volumes/firewall/global_firewall_rules/" + i4+"/type",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/global_firewall_rules/items/properties/type/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
if("out" !== data50){
const err102 = {instancePath:instancePath+"/shared_volumes/firewall/global_firewall_rules/" + i4+"/type",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/global_firewall_rules/items/properties/type/anyOf/1/const",keyword:"const",params:{allowedValue: "out"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
var _valid8 = _errs157 === errors;
valid30 = valid30 || _valid8;
}
if(!valid30){
const err103 = {instancePath:instancePath+"/shared_volumes/firewall/global_firewall_rules/" + i4+"/type",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/global_firewall_rules/items/properties/type/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
else {
errors = _errs154;
if(vErrors !== null){
if(_errs154){
vErrors.length = _errs154;
}
else {
vErrors = null;
}
}
}
}
if(data49.action !== undefined){
if(typeof data49.action !== "string"){
const err104 = {instancePath:instancePath+"/shared_volumes/firewall/global_firewall_rules/" + i4+"/action",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/global_firewall_rules/items/properties/action/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
}
if(data49.source !== undefined){
if(typeof data49.source !== "string"){
const err105 = {instancePath:instancePath+"/shared_volumes/firewall/global_firewall_rules/" + i4+"/source",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/global_firewall_rules/items/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
}
if(data49.dest !== undefined){
if(typeof data49.dest !== "string"){
const err106 = {instancePath:instancePath+"/shared_volumes/firewall/global_firewall_rules/" + i4+"/dest",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/global_firewall_rules/items/properties/dest/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
}
if(data49.proto !== undefined){
if(typeof data49.proto !== "string"){
const err107 = {instancePath:instancePath+"/shared_volumes/firewall/global_firewall_rules/" + i4+"/proto",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/global_firewall_rules/items/properties/proto/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
}
if(data49.port !== undefined){
let data55 = data49.port;
const _errs168 = errors;
let valid31 = false;
const _errs169 = errors;
if(typeof data55 !== "string"){
const err108 = {instancePath:instancePath+"/shared_volumes/firewall/global_firewall_rules/" + i4+"/port",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/global_firewall_rules/items/properties/port/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
var _valid9 = _errs169 === errors;
valid31 = valid31 || _valid9;
if(!valid31){
const _errs171 = errors;
if(!((typeof data55 == "number") && (!(data55 % 1) && !isNaN(data55)))){
const err109 = {instancePath:instancePath+"/shared_volumes/firewall/global_firewall_rules/" + i4+"/port",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/global_firewall_rules/items/properties/port/anyOf/1/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
var _valid9 = _errs171 === errors;
valid31 = valid31 || _valid9;
}
if(!valid31){
const err110 = {instancePath:instancePath+"/shared_volumes/firewall/global_firewall_rules/" + i4+"/port",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/global_firewall_rules/items/properties/port/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
else {
errors = _errs168;
if(vErrors !== null){
if(_errs168){
vErrors.length = _errs168;
}
else {
vErrors = null;
}
}
}
}
if(data49.sport !== undefined){
let data56 = data49.sport;
const _errs174 = errors;
let valid32 = false;
const _errs175 = errors;
if(typeof data56 !== "string"){
const err111 = {instancePath:instancePath+"/shared_volumes/firewall/global_firewall_rules/" + i4+"/sport",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/global_firewall_rules/items/properties/sport/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
var _valid10 = _errs175 === errors;
valid32 = valid32 || _valid10;
if(!valid32){
const _errs177 = errors;
if(!((typeof data56 == "number") && (!(data56 % 1) && !isNaN(data56)))){
const err112 = {instancePath:instancePath+"/shared_volumes/firewall/global_firewall_rules/" + i4+"/sport",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/global_firewall_rules/items/properties/sport/anyOf/1/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
var _valid10 = _errs177 === errors;
valid32 = valid32 || _valid10;
}
if(!valid32){
const err113 = {instancePath:instancePath+"/shared_volumes/firewall/global_firewall_rules/" + i4+"/sport",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/global_firewall_rules/items/properties/sport/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
else {
errors = _errs174;
if(vErrors !== null){
if(_errs174){
vErrors.length = _errs174;
}
else {
vErrors = null;
}
}
}
}
if(data49.iface !== undefined){
if(typeof data49.iface !== "string"){
const err114 = {instancePath:instancePath+"/shared_volumes/firewall/global_firewall_rules/" + i4+"/iface",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/global_firewall_rules/items/properties/iface/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
}
if(data49.log !== undefined){
if(typeof data49.log !== "string"){
const err115 = {instancePath:instancePath+"/shared_volumes/firewall/global_firewall_rules/" + i4+"/log",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/global_firewall_rules/items/properties/log/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
}
if(data49.comment !== undefined){
if(typeof data49.comment !== "string"){
const err116 = {instancePath:instancePath+"/shared_volumes/firewall/global_firewall_rules/" + i4+"/comment",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/global_firewall_rules/items/properties/comment/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
}
}
else {
const err117 = {instancePath:instancePath+"/shared_volumes/firewall/global_firewall_rules/" + i4,schemaPath:"#/properties/shared_volumes/properties/firewall/properties/global_firewall_rules/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
}
}
else {
const err118 = {instancePath:instancePath+"/shared_volumes/firewall/global_firewall_rules",schemaPath:"#/properties/shared_volumes/properties/firewall/properties/global_firewall_rules/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
}
}
else {
const err119 = {instancePath:instancePath+"/shared_volumes/firewall",schemaPath:"#/properties/shared_volumes/properties/firewall/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
}
}
else {
const err120 = {instancePath:instancePath+"/shared_volumes",schemaPath:"#/properties/shared_volumes/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
}
let data60 = data.sync;
if(data60 && typeof data60 == "object" && !Array.isArray(data60)){
if(data60.default_environment === undefined){
data60.default_environment = "production";
}
if(data60.backend === undefined){
data60.backend = "portainer";
}
if(data60.backends === undefined){
data60.backends = {};
}
if(data60.concurrency === undefined){
data60.concurrency = 4;
}
if(data60.command_timeout_seconds === undefined){
data60.command_timeout_seconds = 60;
}
if(data60.interrupt_grace_seconds === undefined){
data60.interrupt_grace_seconds = 30;
}
if(data60.ignore_warnings === undefined){
data60.ignore_warnings = [];
}
if(data60.dns === undefined){
data60.dns = {};
}
if(data60.firewall === undefined){
data60.firewall = {};
}
if(data60.traefik === undefined){
data60.traefik = {};
}
if(data60.portainer === undefined){
data60.portainer = {};
}
if(data60.docker === undefined){
data60.docker = {};
}
if(data60.limits === undefined){
data60.limits = {};
}
if(data60.state_dir === undefined){
data60.state_dir = "/var/lib/phoenix";
}
if(data60.serve === undefined){
data60.serve = {};
}
if(data60.notify === undefined){
data60.notify = [];
}
if(data60.checks === undefined){
data60.checks = [];
}
if(data60.default_environment === undefined){
const err121 = {instancePath:instancePath+"/sync",schemaPath:"#/properties/sync/required",keyword:"required",params:{missingProperty: "default_environment"},message:"must have required property '"+"default_environment"+"'"};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
if(data60.backend === undefined){
const err122 = {instancePath:instancePath+"/sync",schemaPath:"#/properties/sync/required",keyword:"required",params:{missingProperty: "backend"},message:"must have required property '"+"backend"+"'"};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
if(data60.backends === undefined){
const err123 = {instancePath:instancePath+"/sync",schemaPath:"#/properties/sync/required",keyword:"required",params:{missingProperty: "backends"},message:"must have required property '"+"backends"+"'"};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
if(data60.concurrency === undefined){
const err124 = {instancePath:instancePath+"/sync",schemaPath:"#/properties/sync/required",keyword:"required",params:{missingProperty: "concurrency"},message:"must have required property '"+"concurrency"+"'"};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
if(data60.command_timeout_seconds === undefined){
const err125 = {instancePath:instancePath+"/sync",schemaPath:"#/properties/sync/required",keyword:"required",params:{missingProperty: "command_timeout_seconds"},message:"must have required property '"+"command_timeout_seconds"+"'"};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
if(data60.interrupt_grace_seconds === undefined){
const err126 = {instancePath:instancePath+"/sync",schemaPath:"#/properties/sync/required",keyword:"required",params:{missingProperty: "interrupt_grace_seconds"},message:"must have required property '"+"interrupt_grace_seconds"+"'"};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
if(data60.ignore_warnings === undefined){
const err127 = {instancePath:instancePath+"/sync",schemaPath:"#/properties/sync/required",keyword:"required",params:{missingProperty: "ignore_warnings"},message:"must have required property '"+"ignore_warnings"+"'"};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
if(data60.dns === undefined){
const err128 = {instancePath:instancePath+"/sync",schemaPath:"#/properties/sync/required",keyword:"required",params:{missingProperty: "dns"},message:"must have required property '"+"dns"+"'"};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
if(data60.firewall === undefined){
const err129 = {instancePath:instancePath+"/sync",schemaPath:"#/properties/sync/required",keyword:"required",params:{missingProperty: "firewall"},message:"must have required property '"+"firewall"+"'"};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
if(data60.traefik === undefined){
const err130 = {instancePath:instancePath+"/sync",schemaPath:"#/properties/sync/required",keyword:"required",params:{missingProperty: "traefik"},message:"must have required property '"+"traefik"+"'"};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
}
if(data60.portainer === undefined){
const err131 = {instancePath:instancePath+"/sync",schemaPath:"#/properties/sync/required",keyword:"required",params:{missingProperty: "portainer"},message:"must have required property '"+"portainer"+"'"};
if(vErrors === null){
vErrors = [err131];
}
else {
vErrors.push(err131);
}
errors++;
}
if(data60.docker === undefined){
const err132 = {instancePath:instancePath+"/sync",schemaPath:"#/properties/sync/required",keyword:"required",params:{missingProperty: "docker"},message:"must have required property '"+"docker"+"'"};
if(vErrors === null){
vErrors = [err132];
}
else {
vErrors.push(err132);
}
errors++;
}
if(data60.limits === undefined){
const err133 = {instancePath:instancePath+"/sync",schemaPath:"#/properties/sync/required",keyword:"required",params:{missingProperty: "limits"},message:"must have required property '"+"limits"+"'"};
if(vErrors === null){
vErrors = [err133];
}
else {
vErrors.push(err133);
}
errors++;
}
if(data60.state_dir === undefined){
const err134 = {instancePath:instancePath+"/sync",schemaPath:"#/properties/sync/required",keyword:"required",params:{missingProperty: "state_dir"},message:"must have required property '"+"state_dir"+"'"};
if(vErrors === null){
vErrors = [err134];
}
else {
vErrors.push(err134);
}
errors++;
}
if(data60.serve === undefined){
const err135 = {instancePath:instancePath+"/sync",schemaPath:"#/properties/sync/required",keyword:"required",params:{missingProperty: "serve"},message:"must have required property '"+"serve"+"'"};
if(vErrors === null){
vErrors = [err135];
}
else {
vErrors.push(err135);
}
errors++;
}
if(data60.notify === undefined){
const err136 = {instancePath:instancePath+"/sync",schemaPath:"#/properties/sync/required",keyword:"required",params:{missingProperty: "notify"},message:"must have required property '"+"notify"+"'"};
if(vErrors === null){
vErrors = [err136];
}
else {
vErrors.push(err136);
}
errors++;
}
if(data60.checks === undefined){
const err137 = {instancePath:instancePath+"/sync",schemaPath:"#/properties/sync/required",keyword:"required",params:{missingProperty: "checks"},message:"must have required property '"+"checks"+"'"};
if(vErrors === null){
vErrors = [err137];
}
else {
vErrors.push(err137);
}
errors++;
}
for(const key4 in data60){
if(!(func3.call(schema0.properties.sync.properties, key4))){
const err138 = {instancePath:instancePath+"/sync",schemaPath:"#/properties/sync/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err138];
}
else {
vErrors.push(err138);
}
errors++;
}
}
if(data60.owner_id !== undefined){
let data61 = data60.owner_id;
if(typeof data61 === "string"){
if(!pattern0.test(data61)){
const err139 = {instancePath:instancePath+"/sync/owner_id",schemaPath:"#/properties/sync/properties/owner_id/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9_.-]{0,62}$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9_.-]{0,62}$"+"\""};
if(vErrors === null){
vErrors = [err139];
}
else {
vErrors.push(err139);
}
errors++;
}
}
else {
const err140 = {instancePath:instancePath+"/sync/owner_id",schemaPath:"#/properties/sync/properties/owner_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err140];
}
else {
vErrors.push(err140);
}
errors++;
}
}
if(data60.marker_key !== undefined){
if(typeof data60.marker_key !== "string"){
const err141 = {instancePath:instancePath+"/sync/marker_key",schemaPath:"#/properties/sync/properties/marker_key/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err141];
}
else {
vErrors.push(err141);
}
errors++;
}
}
let data63 = data60.default_environment;
if(typeof data63 === "string"){
if(func0(data63) < 1){
const err142 = {instancePath:instancePath+"/sync/default_environment",schemaPath:"#/properties/sync/properties/default_environment/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err142];
}
else {
vErrors.push(err142);
}
errors++;
}
}
else {
const err143 = {instancePath:instancePath+"/sync/default_environment",schemaPath:"#/properties/sync/properties/default_environment/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err143];
}
else {
vErrors.push(err143);
}
errors++;
}
if(data60.gateway_ip !== undefined){
if(typeof data60.gateway_ip !== "string"){
const err144 = {instancePath:instancePath+"/sync/gateway_ip",schemaPath:"#/properties/sync/properties/gateway_ip/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err144];
}
else {
vErrors.push(err144);
}
errors++;
}
}
let data65 = data60.backend;
const _errs197 = errors;
let valid34 = false;
const _errs198 = errors;
if(typeof data65 !== "string"){
const err145 = {instancePath:instancePath+"/sync/backend",schemaPath:"#/properties/sync/properties/backend/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err145];
}
else {
vErrors.push(err145);
}
errors++;
}
if("portainer" !== data65){
const err146 = {instancePath:instancePath+"/sync/backend",schemaPath:"#/properties/sync/properties/backend/anyOf/0/const",keyword:"const",params:{allowedValue: "portainer"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err146];
}
else {
vErrors.push(err146);
}
errors++;
}
var _valid11 = _errs198 === errors;
valid34 = valid34 || _valid11;
if(!valid34){
const _errs200 = errors;
if(typeof data65 !== "string"){
const err147 = {instancePath:instancePath+"/sync/backend",schemaPath:"#/properties/sync/properties/backend/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err147];
}
else {
vErrors.push(err147);
}
errors++;
}
if("docker" !== data65){
const err148 = {instancePath:instancePath+"/sync/backend",schemaPath:"#/properties/sync/properties/backend/anyOf/1/const",keyword:"const",params:{allowedValue: "docker"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err148];
}
else {
vErrors.push(err148);
}
errors++;
}
var _valid11 = _errs200 === errors;
valid34 = valid34 || _valid11;
}
if(!valid34){
const err149 = {instancePath:instancePath+"/sync/backend",schemaPath:"#/properties/sync/properties/backend/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err149];
}
else {
vErrors.push(err149);
}
errors++;
}
else {
errors = _errs197;
if(vErrors !== null){
if(_errs197){
vErrors.length = _errs197;
}
else {
vErrors = null;
}
}
}
let data66 = data60.backends;
if(data66 && typeof data66 == "object" && !Array.isArray(data66)){
for(const key5 in data66){
if(pattern1.test(key5)){
let data67 = data66[key5];
const _errs205 = errors;
let valid36 = false;
const _errs206 = errors;
if(typeof data67 !== "string"){
const err150 = {instancePath:instancePath+"/sync/backends/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/sync/properties/backends/patternProperties/%5E%5B0-9%5D%2B%24/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err150];
}
else {
vErrors.push(err150);
}
errors++;
}
if("portainer" !== data67){
const err151 = {instancePath:instancePath+"/sync/backends/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/sync/properties/backends/patternProperties/%5E%5B0-9%5D%2B%24/anyOf/0/const",keyword:"const",params:{allowedValue: "portainer"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err151];
}
else {
vErrors.push(err151);
}
errors++;
}
var _valid12 = _errs206 === errors;
valid36 = valid36 || _valid12;
if(!valid36){
const _errs208 = errors;
if(typeof data67 !== "string"){
const err152 = {instancePath:instancePath+"/sync/backends/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/sync/properties/backends/patternProperties/%5E%5B0-9%5D%2B%24/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err152];
}
else {
vErrors.push(err152);
}
errors++;
}
if("docker" !== data67){
const err153 = {instancePath:instancePath+"/sync/backends/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/sync/properties/backends/patternProperties/%5E%5B0-9%5D%2B%24/anyOf/1/const",keyword:"const",params:{allowedValue: "docker"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err153];
}
else {
vErrors.push(err153);
}
errors++;
}
var _valid12 = _errs208 === errors;
valid36 = valid36 || _valid12;
}
if(!valid36){
const err154 = {instancePath:instancePath+"/sync/backends/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/sync/properties/backends/patternProperties/%5E%5B0-9%5D%2B%24/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err154];
}
else {
vErrors.push(err154);
}
errors++;
}
else {
errors = _errs205;
if(vErrors !== null){
if(_errs205){
vErrors.length = _errs205;
}
else {
vErrors = null;
}
}
}
}
}
}
else {
const err155 = {instancePath:instancePath+"/sync/backends",schemaPath:"#/properties/sync/properties/backends/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err155];
}
else {
vErrors.push(err155);
}
errors++;
}
let data68 = data60.concurrency;
if(!((typeof data68 == "number") && (!(data68 % 1) && !isNaN(data68)))){
const err156 = {instancePath:instancePath+"/sync/concurrency",schemaPath:"#/properties/sync/properties/concurrency/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err156];
}
else {
vErrors.push(err156);
}
errors++;
}
if(typeof data68 == "number"){
if(data68 > 64 || isNaN(data68)){
const err157 = {instancePath:instancePath+"/sync/concurrency",schemaPath:"#/properties/sync/properties/concurrency/maximum",keyword:"maximum",params:{comparison: "<=", limit: 64},message:"must be <= 64"};
if(vErrors === null){
vErrors = [err157];
}
else {
vErrors.push(err157);
}
errors++;
}
if(data68 < 1 || isNaN(data68)){
const err158 = {instancePath:instancePath+"/sync/concurrency",schemaPath:"#/properties/sync/properties/concurrency/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err158];
}
else {
vErrors.push(err158);
}
errors++;
}
}
let data69 = data60.command_timeout_seconds;
if(typeof data69 == "number"){
if(data69 > 86400 || isNaN(data69)){
const err159 = {instancePath:instancePath+"/sync/command_timeout_seconds",schemaPath:"#/properties/sync/properties/command_timeout_seconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 86400},message:"must be <= 86400"};
if(vErrors === null){
vErrors = [err159];
}
else {
vErrors.push(err159);
}
errors++;
}
if(data69 <= 0 || isNaN(data69)){
const err160 = {instancePath:instancePath+"/sync/command_timeout_seconds",schemaPath:"#/properties/sync/properties/command_timeout_seconds/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err160];
}
else {
vErrors.push(err160);
}
errors++;
}
}
else {
const err161 = {instancePath:instancePath+"/sync/command_timeout_seconds",schemaPath:"#/properties/sync/properties/command_timeout_seconds/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err161];
}
else {
vErrors.push(err161);
}
errors++;
}
let data70 = data60.interrupt_grace_seconds;
if(typeof data70 == "number"){
if(data70 > 3600 || isNaN(data70)){
const err162 = {instancePath:instancePath+"/sync/interrupt_grace_seconds",schemaPath:"#/properties/sync/properties/interrupt_grace_seconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 3600},message:"must be <= 3600"};
if(vErrors === null){
vErrors = [err162];
}
else {
vErrors.push(err162);
}
errors++;
}
if(data70 < 0 || isNaN(data70)){
const err163 = {instancePath:instancePath+"/sync/interrupt_grace_seconds",schemaPath:"#/properties/sync/properties/interrupt_grace_seconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err163];
}
else {
vErrors.push(err163);
}
errors++;
}
}
else {
const err164 = {instancePath:instancePath+"/sync/interrupt_grace_seconds",schemaPath:"#/properties/sync/properties/interrupt_grace_seconds/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err164];
}
else {
vErrors.push(err164);
}
errors++;
}
let data71 = data60.ignore_warnings;
if(Array.isArray(data71)){
const len5 = data71.length;
for(let i5=0; i5<len5; i5++){
let data72 = data71[i5];
if(typeof data72 === "string"){
if(!pattern2.test(data72)){
const err165 = {instancePath:instancePath+"/sync/ignore_warnings/" + i5,schemaPath:"#/properties/sync/properties/ignore_warnings/items/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]*$"+"\""};
if(vErrors === null){
vErrors = [err165];
}
else {
vErrors.push(err165);
}
errors++;
}
}
else {
const err166 = {instancePath:instancePath+"/sync/ignore_warnings/" + i5,schemaPath:"#/properties/sync/properties/ignore_warnings/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err166];
}
else {
vErrors.push(err166);
}
errors++;
}
}
let i6 = data71.length;
let j0;
if(i6 > 1){
const indices0 = {};
for(;i6--;){
let item0 = data71[i6];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err167 = {instancePath:instancePath+"/sync/ignore_warnings",schemaPath:"#/properties/sync/properties/ignore_warnings/uniqueItems",keyword:"uniqueItems",params:{i: i6, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i6+" are identical)"};
if(vErrors === null){
vErrors = [err167];
}
else {
vErrors.push(err167);
}
errors++;
break;
}
indices0[item0] = i6;
}
}
}
else {
const err168 = {instancePath:instancePath+"/sync/ignore_warnings",schemaPath:"#/properties/sync/properties/ignore_warnings/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err168];
}
else {
vErrors.push(err168);
}
errors++;
}
if(data60.step_ca_url !== undefined){
if(typeof data60.step_ca_url !== "string"){
const err169 = {instancePath:instancePath+"/sync/step_ca_url",schemaPath:"#/properties/sync/properties/step_ca_url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err169];
}
else {
vErrors.push(err169);
}
errors++;
}
}
let data74 = data60.dns;
if(data74 && typeof data74 == "object" && !Array.isArray(data74)){
if(data74.enabled === undefined){
data74.enabled = true;
}
if(data74.layout === undefined){
data74.layout = "addn-hosts";
}
if(data74.path === undefined){
data74.path = "/etc/phoenix/dnsmasq.hosts";
}
if(data74.enabled === undefined){
const err170 = {instancePath:instancePath+"/sync/dns",schemaPath:"#/properties/sync/properties/dns/required",keyword:"required",params:{missingProperty: "enabled"},message:"must have required property '"+"enabled"+"'"};
if(vErrors === null){
vErrors = [err170];
}
else {
vErrors.push(err170);
}
errors++;
}
if(data74.layout === undefined){
const err171 = {instancePath:instancePath+"/sync/dns",schemaPath:"#/properties/sync/properties/dns/required",keyword:"required",params:{missingProperty: "layout"},message:"must have required property '"+"layout"+"'"};
if(vErrors === null){
vErrors = [err171];
}
else {
vErrors.push(err171);
}
errors++;
}
if(data74.path === undefined){
const err172 = {instancePath:instancePath+"/sync/dns",schemaPath:"#/properties/sync/properties/dns/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'"};
if(vErrors === null){
vErrors = [err172];
}
else {
vErrors.push(err172);
}
errors++;
}
for(const key6 in data74){
if(!((((((key6 === "enabled") || (key6 === "layout")) || (key6 === "path")) || (key6 === "reload_command")) || (key6 === "test_command")) || (key6 === "server"))){
const err173 = {instancePath:instancePath+"/sync/dns",schemaPath:"#/properties/sync/properties/dns/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err173];
}
else {
vErrors.push(err173);
}
errors++;
}
}
if(typeof data74.enabled !== "boolean"){
const err174 = {instancePath:instancePath+"/sync/dns/enabled",schemaPath:"#/properties/sync/properties/dns/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err174];
}
else {
vErrors.push(err174);
}
errors++;
}
let data76 = data74.layout;
const _errs228 = errors;
let valid41 = false;
const _errs229 = errors;
if(typeof data76 !== "string"){
const err175 = {instancePath:instancePath+"/sync/dns/layout",schemaPath:"#/properties/sync/properties/dns/properties/layout/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err175];
}
else {
vErrors.push(err175);
}
errors++;
}
if("dnsmasq-conf" !== data76){
const err176 = {instancePath:instancePath+"/sync/dns/layout",schemaPath:"#/properties/sync/properties/dns/properties/layout/anyOf/0/const",keyword:"const",params:{allowedValue: "dnsmasq-conf"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err176];
}
else {
vErrors.push(err176);
}
errors++;
}
var _valid13 = _errs229 === errors;
valid41 = valid41 || _valid13;
if(!valid41){
const _errs231 = errors;
if(typeof data76 !== "string"){
const err177 = {instancePath:instancePath+"/sync/dns/layout",schemaPath:"#/properties/sync/properties/dns/properties/layout/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err177];
}
else {
vErrors.push(err177);
}
errors++;
}
if("addn-hosts" !== data76){
const err178 = {instancePath:instancePath+"/sync/dns/layout",schemaPath:"#/properties/sync/properties/dns/properties/layout/anyOf/1/const",keyword:"const",params:{allowedValue: "addn-hosts"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err178];
}
else {
vErrors.push(err178);
}
errors++;
}
var _valid13 = _errs231 === errors;
valid41 = valid41 || _valid13;
if(!valid41){
const _errs233 = errors;
if(typeof data76 !== "string"){
const err179 = {instancePath:instancePath+"/sync/dns/layout",schemaPath:"#/properties/sync/properties/dns/properties/layout/anyOf/2/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err179];
}
else {
vErrors.push(err179);
}
errors++;
}
if("hostsdir" !== data76){
const err180 = {instancePath:instancePath+"/sync/dns/layout",schemaPath:"#/properties/sync/properties/dns/properties/layout/anyOf/2/const",keyword:"const",params:{allowedValue: "hostsdir"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err180];
}
else {
vErrors.push(err180);
}
errors++;
}
var _valid13 = _errs233 === errors;
valid41 = valid41 || _valid13;
}
}
if(!valid41){
const err181 = {instancePath:instancePath+"/sync/dns/layout",schemaPath:"#/properties/sync/properties/dns/properties/layout/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err181];
}
else {
vErrors.push(err181);
}
errors++;
}
else {
errors = _errs228;
if(vErrors !== null){
if(_errs228){
vErrors.length = _errs228;
}
else {
vErrors = null;
}
}
}
if(typeof data74.path !== "string"){
const err182 = {instancePath:instancePath+"/sync/dns/path",schemaPath:"#/properties/sync/properties/dns/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err182];
}
else {
vErrors.push(err182);
}
errors++;
}
if(data74.reload_command !== undefined){
let data78 = data74.reload_command;
if(Array.isArray(data78)){
if(data78.length < 1){
const err183 = {instancePath:instancePath+"/sync/dns/reload_command",schemaPath:"#/properties/sync/properties/dns/properties/reload_command/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err183];
}
else {
vErrors.push(err183);
}
errors++;
}
const len6 = data78.length;
for(let i7=0; i7<len6; i7++){
let data79 = data78[i7];
if(typeof data79 === "string"){
if(func0(data79) < 1){
const err184 = {instancePath:instancePath+"/sync/dns/reload_command/" + i7,schemaPath:"#/properties/sync/properties/dns/properties/reload_command/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err184];
}
else {
vErrors.push(err184);
}
errors++;
}
}
else {
const err185 = {instancePath:instancePath+"/sync/dns/reload_command/" + i7,schemaPath:"#/properties/sync/properties/dns/properties/reload_command/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err185];
}
else {
vErrors.push(err185);
}
errors++;
}
}
}
else {
const err186 = {instancePath:instancePath+"/sync/dns/reload_command",schemaPath:"#/properties/sync/properties/dns/properties/reload_command/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err186];
}
else {
vErrors.push(err186);
}
errors++;
}
}
if(data74.test_command !== undefined){
let data80 = data74.test_command;
if(Array.isArray(data80)){
if(data80.length < 1){
const err187 = {instancePath:instancePath+"/sync/dns/test_command",schemaPath:"#/properties/sync/properties/dns/properties/test_command/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err187];
}
else {
vErrors.push(err187);
}
errors++;
}
const len7 = data80.length;
for(let i8=0; i8<len7; i8++){
let data81 = data80[i8];
if(typeof data81 === "string"){
if(func0(data81) < 1){
const err188 = {instancePath:instancePath+"/sync/dns/test_command/" + i8,schemaPath:"#/properties/sync/properties/dns/properties/test_command/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err188];
}
else {
vErrors.push(err188);
}
errors++;
}
}
else {
const err189 = {instancePath:instancePath+"/sync/dns/test_command/" + i8,schemaPath:"#/properties/sync/properties/dns/properties/test_command/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err189];
}
else {
vErrors.push(err189);
}
errors++;
}
}
}
else {
const err190 = {instancePath:instancePath+"/sync/dns/test_command",schemaPath:"#/properties/sync/properties/dns/properties/test_command/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err190];
}
else {
vErrors.push(err190);
}
errors++;
}
}
if(data74.server !== undefined){
if(typeof data74.server !== "string"){
const err191 = {instancePath:instancePath+"/sync/dns/server",schemaPath:"#/properties/sync/properties/dns/properties/server/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err191];
}
else {
vErrors.push(err191);
}
errors++;
}
}
}
else {
const err192 = {instancePath:instancePath+"/sync/dns",schemaPath:"#/properties/sync/properties/dns/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err192];
}
else {
vErrors.push(err192);
}
errors++;
}
let data83 = data60.firewall;
if(data83 && typeof data83 == "object" && !Array.isArray(data83)){
if(data83.enabled === undefined){
data83.enabled = true;
}
if(data83.backend === undefined){
data83.backend = "pve";
}
if(data83.pve_dir === undefined){
data83.pve_dir = "/etc/pve/firewall";
}
if(data83.nft_file === undefined){
data83.nft_file = "/etc/phoenix/phoenix.nft";
}
if(data83.nft_table === undefined){
data83.nft_table = "phoenix";
}
if(data83.enabled === undefined){
const err193 = {instancePath:instancePath+"/sync/firewall",schemaPath:"#/properties/sync/properties/firewall/required",keyword:"required",params:{missingProperty: "enabled"},message:"must have required property '"+"enabled"+"'"};
if(vErrors === null){
vErrors = [err193];
}
else {
vErrors.push(err193);
}
errors++;
}
if(data83.backend === undefined){
const err194 = {instancePath:instancePath+"/sync/firewall",schemaPath:"#/properties/sync/properties/firewall/required",keyword:"required",params:{missingProperty: "backend"},message:"must have required property '"+"backend"+"'"};
if(vErrors === null){
vErrors = [err194];
}
else {
vErrors.push(err194);
}
errors++;
}
if(data83.pve_dir === undefined){
const err195 = {instancePath:instancePath+"/sync/firewall",schemaPath:"#/properties/sync/properties/firewall/required",keyword:"required",params:{missingProperty: "pve_dir"},message:"must have required property '"+"pve_dir"+"'"};
if(vErrors === null){
vErrors = [err195];
}
else {
vErrors.push(err195);
}
errors++;
}
if(data83.nft_file === undefined){
const err196 = {instancePath:instancePath+"/sync/firewall",schemaPath:"#/properties/sync/properties/firewall/required",keyword:"required",params:{missingProperty: "nft_file"},message:"must have required property '"+"nft_file"+"'"};
if(vErrors === null){
vErrors = [err196];
}
else {
vErrors.push(err196);
}
errors++;
}
if(data83.nft_table === undefined){
const err197 = {instancePath:instancePath+"/sync/firewall",schemaPath:"#/properties/sync/properties/firewall/required",keyword:"required",params:{missingProperty: "nft_table"},message:"must have required property '"+"nft_table"+"'"};
if(vErrors === null){
vErrors = [err197];
}
else {
vErrors.push(err197);
}
errors++;
}
for(const key7 in data83){
if(!(((((((key7 === "enabled") || (key7 === "backend")) || (key7 === "pve_dir")) || (key7 === "nft_file")) || (key7 === "nft_table")) || (key7 === "apply_command")) || (key7 === "check_command"))){
const err198 = {instancePath:instancePath+"/sync/firewall",schemaPath:"#/properties/sync/properties/firewall/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err198];
}
else {
vErrors.push(err198);
}
errors++;
}
}
if(typeof data83.enabled !== "boolean"){
const err199 = {instancePath:instancePath+"/sync/firewall/enabled",schemaPath:"#/properties/sync/properties/firewall/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err199];
}
else {
vErrors.push(err199);
}
errors++;
}
let data85 = data83.backend;
const _errs253 = errors;
let valid47 = false;
const _errs254 = errors;
if(typeof data85 !== "string"){
const err200 = {instancePath:instancePath+"/sync/firewall/backend",schemaPath:"#/properties/sync/properties/firewall/properties/backend/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err200];
}
else {
vErrors.push(err200);
}
errors++;
}
if("pve" !== data85){
const err201 = {instancePath:instancePath+"/sync/firewall/backend",schemaPath:"#/properties/sync/properties/firewall/properties/backend/anyOf/0/const",keyword:"const",params:{allowedValue: "pve"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err201];
}
else {
vErrors.push(err201);
}
errors++;
}
var _valid14 = _errs254 === errors;
valid47 = valid47 || _valid14;
if(!valid47){
const _errs256 = errors;
if(typeof data85 !== "string"){
const err202 = {instancePath:instancePath+"/sync/firewall/backend",schemaPath:"#/properties/sync/properties/firewall/properties/backend/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err202];
}
else {
vErrors.push(err202);
}
errors++;
}
if("nftables" !== data85){
const err203 = {instancePath:instancePath+"/sync/firewall/backend",schemaPath:"#/properties/sync/properties/firewall/properties/backend/anyOf/1/const",keyword:"const",params:{allowedValue: "nftables"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err203];
}
else {
vErrors.push(err203);
}
errors++;
}
var _valid14 = _errs256 === errors;
valid47 = valid47 || _valid14;
}
if(!valid47){
const err204 = {instancePath:instancePath+"/sync/firewall/backend",schemaPath:"#/properties/sync/properties/firewall/properties/backend/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err204];
}
else {
vErrors.push(err204);
}
errors++;
}
else {
errors = _errs253;
if(vErrors !== null){
if(_errs253){
vErrors.length = _errs253;
}
else {
vErrors = null;
}
}
}
if(typeof data83.pve_dir !== "string"){
const err205 = {instancePath:instancePath+"/sync/firewall/pve_dir",schemaPath:"#/properties/sync/properties/firewall/properties/pve_dir/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err205];
}
else {
vErrors.push(err205);
}
errors++;
}
if(typeof data83.nft_file !== "string"){
const err206 = {instancePath:instancePath+"/sync/firewall/nft_file",schemaPath:"#/properties/sync/properties/firewall/properties/nft_file/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err206];
}
else {
vErrors.push(err206);
}
errors++;
}
let data88 = data83.nft_table;
if(typeof data88 === "string"){
if(!pattern3.test(data88)){
const err207 = {instancePath:instancePath+"/sync/firewall/nft_table",schemaPath:"#/properties/sync/properties/firewall/properties/nft_table/pattern",keyword:"pattern",params:{pattern: "^[a-zA-Z][a-zA-Z0-9_]*$"},message:"must match pattern \""+"^[a-zA-Z][a-zA-Z0-9_]*$"+"\""};
if(vErrors === null){
vErrors = [err207];
}
else {
vErrors.push(err207);
}
errors++;
}
}
else {
const err208 = {instancePath:instancePath+"/sync/firewall/nft_table",schemaPath:"#/properties/sync/properties/firewall/properties/nft_table/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err208];
}
else {
vErrors.push(err208);
}
errors++;
}
if(data83.apply_command !== undefined){
let data89 = data83.apply_command;
if(Array.isArray(data89)){
if(data89.length < 1){
const err209 = {instancePath:instancePath+"/sync/firewall/apply_command",schemaPath:"#/properties/sync/properties/firewall/properties/apply_command/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err209];
}
else {
vErrors.push(err209);
}
errors++;
}
const len8 = data89.length;
for(let i9=0; i9<len8; i9++){
let data90 = data89[i9];
if(typeof data90 === "string"){
if(func0(data90) < 1){
const err210 = {instancePath:instancePath+"/sync/firewall/apply_command/" + i9,schemaPath:"#/properties/sync/properties/firewall/properties/apply_command/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err210];
}
else {
vErrors.push(err210);
}
errors++;
}
}
else {
const err211 = {instancePath:instancePath+"/sync/firewall/apply_command/" + i9,schemaPath:"#/properties/sync/properties/firewall/properties/apply_command/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err211];
}
else {
vErrors.push(err211);
}
errors++;
}
}
}
else {
const err212 = {instancePath:instancePath+"/sync/firewall/apply_command",schemaPath:"#/properties/sync/properties/firewall/properties/apply_command/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err212];
}
else {
vErrors.push(err212);
}
errors++;
}
}
if(data83.check_command !== undefined){
let data91 = data83.check_command;
if(Array.isArray(data91)){
if(data91.length < 1){
const err213 = {instancePath:instancePath+"/sync/firewall/check_command",schemaPath:"#/properties/sync/properties/firewall/properties/check_command/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err213];
}
else {
vErrors.push(err213);
}
errors++;
}
const len9 = data91.length;
for(let i10=0; i10<len9; i10++){
let data92 = data91[i10];
if(typeof data92 === "string"){
if(func0(data92) < 1){
const err214 = {instancePath:instancePath+"/sync/firewall/check_command/" + i10,schemaPath:"#/properties/sync/properties/firewall/properties/check_command/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err214];
}
else {
vErrors.push(err214);
}
errors++;
}
}
else {
const err215 = {instancePath:instancePath+"/sync/firewall/check_command/" + i10,schemaPath:"#/properties/sync/properties/firewall/properties/check_command/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err215];
}
else {
vErrors.push(err215);
}
errors++;
}
}
}
else {
const err216 = {instancePath:instancePath+"/sync/firewall/check_command",schemaPath:"#/properties/sync/properties/firewall/properties/check_command/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err216];
}
else {
vErrors.push(err216);
}
errors++;
}
}
}
else {
const err217 = {instancePath:instancePath+"/sync/firewall",schemaPath:"#/properties/sync/properties/firewall/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err217];
}
else {
vErrors.push(err217);
}
errors++;
}
let data93 = data60.traefik;
if(data93 && typeof data93 == "object" && !Array.isArray(data93)){
if(data93.enabled === undefined){
data93.enabled = true;
}
if(data93.path === undefined){
data93.path = "/etc/traefik/dynamic/phoenix.yml";
}
if(data93.entrypoints === undefined){
data93.entrypoints = ["websecure"];
}
if(data93.enabled === undefined){
const err218 = {instancePath:instancePath+"/sync/traefik",schemaPath:"#/properties/sync/properties/traefik/required",keyword:"required",params:{missingProperty: "enabled"},message:"must have required property '"+"enabled"+"'"};
if(vErrors === null){
vErrors = [err218];
}
else {
vErrors.push(err218);
}
errors++;
}
if(data93.path === undefined){
const err219 = {instancePath:instancePath+"/sync/traefik",schemaPath:"#/properties/sync/properties/traefik/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'"};
if(vErrors === null){
vErrors = [err219];
}
else {
vErrors.push(err219);
}
errors++;
}
if(data93.entrypoints === undefined){
const err220 = {instancePath:instancePath+"/sync/traefik",schemaPath:"#/properties/sync/properties/traefik/required",keyword:"required",params:{missingProperty: "entrypoints"},message:"must have required property '"+"entrypoints"+"'"};
if(vErrors === null){
vErrors = [err220];
}
else {
vErrors.push(err220);
}
errors++;
}
for(const key8 in data93){
if(!(((((((key8 === "enabled") || (key8 === "path")) || (key8 === "entrypoints")) || (key8 === "cert_resolver")) || (key8 === "ca_file")) || (key8 === "ping_url")) || (key8 === "reload_command"))){
const err221 = {instancePath:instancePath+"/sync/traefik",schemaPath:"#/properties/sync/properties/traefik/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err221];
}
else {
vErrors.push(err221);
}
errors++;
}
}
if(typeof data93.enabled !== "boolean"){
const err222 = {instancePath:instancePath+"/sync/traefik/enabled",schemaPath:"#/properties/sync/properties/traefik/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err222];
}
else {
vErrors.push(err222);
}
errors++;
}
if(typeof data93.path !== "string"){
const err223 = {instancePath:instancePath+"/sync/traefik/path",schemaPath:"#/properties/sync/properties/traefik/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err223];
}
else {
vErrors.push(err223);
}
errors++;
}
let data96 = data93.entrypoints;
if(Array.isArray(data96)){
const len10 = data96.length;
for(let i11=0; i11<len10; i11++){
if(typeof data96[i11] !== "string"){
const err224 = {instancePath:instancePath+"/sync/traefik/entrypoints/" + i11,schemaPath:"#/properties/sync/properties/traefik/properties/entrypoints/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err224];
}
else {
vErrors.push(err224);
}
errors++;
}
}
}
else {
const err225 = {instancePath:instancePath+"/sync/traefik/entrypoints",schemaPath:"#/properties/sync/properties/traefik/properties/entrypoints/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err225];
}
else {
vErrors.push(err225);
}
errors++;
}
if(data93.cert_resolver !== undefined){
if(typeof data93.cert_resolver !== "string"){
const err226 = {instancePath:instancePath+"/sync/traefik/cert_resolver",schemaPath:"#/properties/sync/properties/traefik/properties/cert_resolver/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err226];
}
else {
vErrors.push(err226);
}
errors++;
}
}
if(data93.ca_file !== undefined){
if(typeof data93.ca_file !== "string"){
const err227 = {instancePath:instancePath+"/sync/traefik/ca_file",schemaPath:"#/properties/sync/properties/traefik/properties/ca_file/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err227];
}
else {
vErrors.push(err227);
}
errors++;
}
}
if(data93.ping_url !== undefined){
if(typeof data93.ping_url !== "string"){
const err228 = {instancePath:instancePath+"/sync/traefik/ping_url",schemaPath:"#/properties/sync/properties/traefik/properties/ping_url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err228];
}
else {
vErrors.push(err228);
}
errors++;
}
}
if(data93.reload_command !== undefined){
let data101 = data93.reload_command;
if(Array.isArray(data101)){
if(data101.length < 1){
const err229 = {instancePath:instancePath+"/sync/traefik/reload_command",schemaPath:"#/properties/sync/properties/traefik/properties/reload_command/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err229];
}
else {
vErrors.push(err229);
}
errors++;
}
const len11 = data101.length;
for(let i12=0; i12<len11; i12++){
let data102 = data101[i12];
if(typeof data102 === "string"){
if(func0(data102) < 1){
const err230 = {instancePath:instancePath+"/sync/traefik/reload_command/" + i12,schemaPath:"#/properties/sync/properties/traefik/properties/reload_command/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err230];
}
else {
vErrors.push(err230);
}
errors++;
}
}
else {
const err231 = {instancePath:instancePath+"/sync/traefik/reload_command/" + i12,schemaPath:"#/properties/sync/properties/traefik/properties/reload_command/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err231];
}
else {
vErrors.push(err231);
}
errors++;
}
}
}
else {
const err232 = {instancePath:instancePath+"/sync/traefik/reload_command",schemaPath:"#/properties/sync/properties/traefik/properties/reload_command/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err232];
}
else {
vErrors.push(err232);
}
errors++;
}
}
}
else {
const err233 = {instancePath:instancePath+"/sync/traefik",schemaPath:"#/properties/sync/properties/traefik/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err233];
}
else {
vErrors.push(err233);
}
errors++;
}
let data103 = data60.portainer;
if(data103 && typeof data103 == "object" && !Array.isArray(data103)){
if(data103.local_environment === undefined){
data103.local_environment = "local";
}
if(data103.agent_tls === undefined){
data103.agent_tls = true;
}
if(data103.request_timeout_seconds === undefined){
data103.request_timeout_seconds = 30;
}
if(data103.retries === undefined){
data103.retries = 4;
}
if(data103.health_timeout_seconds === undefined){
data103.health_timeout_seconds = 180;
}
if(data103.local_environment === undefined){
const err234 = {instancePath:instancePath+"/sync/portainer",schemaPath:"#/properties/sync/properties/portainer/required",keyword:"required",params:{missingProperty: "local_environment"},message:"must have required property '"+"local_environment"+"'"};
if(vErrors === null){
vErrors = [err234];
}
else {
vErrors.push(err234);
}
errors++;
}
if(data103.agent_tls === undefined){
const err235 = {instancePath:instancePath+"/sync/portainer",schemaPath:"#/properties/sync/properties/portainer/required",keyword:"required",params:{missingProperty: "agent_tls"},message:"must have required property '"+"agent_tls"+"'"};
if(vErrors === null){
vErrors = [err235];
}
else {
vErrors.push(err235);
}
errors++;
}
if(data103.request_timeout_seconds === undefined){
const err236 = {instancePath:instancePath+"/sync/portainer",schemaPath:"#/properties/sync/properties/portainer/required",keyword:"required",params:{missingProperty: "request_timeout_seconds"},message:"must have required property '"+"request_timeout_seconds"+"'"};
if(vErrors === null){
vErrors = [err236];
}
else {
vErrors.push(err236);
}
errors++;
}
if(data103.retries === undefined){
const err237 = {instancePath:instancePath+"/sync/portainer",schemaPath:"#/properties/sync/properties/portainer/required",keyword:"required",params:{missingProperty: "retries"},message:"must have required property '"+"retries"+"'"};
if(vErrors === null){
vErrors = [err237];
}
else {
vErrors.push(err237);
}
errors++;
}
if(data103.health_timeout_seconds === undefined){
const err238 = {instancePath:instancePath+"/sync/portainer",schemaPath:"#/properties/sync/properties/portainer/required",keyword:"required",params:{missingProperty: "health_timeout_seconds"},message:"must have required property '"+"health_timeout_seconds"+"'"};
if(vErrors === null){
vErrors = [err238];
}
else {
vErrors.push(err238);
}
errors++;
}
for(const key9 in data103){
if(!((((((((key9 === "url") || (key9 === "ca_file")) || (key9 === "api_key")) || (key9 === "local_environment")) || (key9 === "agent_tls")) || (key9 === "request_timeout_seconds")) || (key9 === "retries")) || (key9 === "health_timeout_seconds"))){
const err239 = {instancePath:instancePath+"/sync/portainer",schemaPath:"#/properties/sync/properties/portainer/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err239];
}
else {
vErrors.push(err239);
}
errors++;
}
}
if(data103.url !== undefined){
if(typeof data103.url !== "string"){
const err240 = {instancePath:instancePath+"/sync/portainer/url",schemaPath:"#/properties/sync/properties/portainer/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err240];
}
else {
vErrors.push(err240);
}
errors++;
}
}
if(data103.ca_file !== undefined){
if(typeof data103.ca_file !== "string"){
const err241 = {instancePath:instancePath+"/sync/portainer/ca_file",schemaPath:"#/properties/sync/properties/portainer/properties/ca_file/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err241];
}
else {
vErrors.push(err241);
}
errors++;
}
}
if(data103.api_key !== undefined){
if(typeof data103.api_key !== "string"){
const err242 = {instancePath:instancePath+"/sync/portainer/api_key",schemaPath:"#/properties/sync/properties/portainer/properties/api_key/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err242];
}
else {
vErrors.push(err242);
}
errors++;
}
}
if(typeof data103.local_environment !== "string"){
const err243 = {instancePath:instancePath+"/sync/portainer/local_environment",schemaPath:"#/properties/sync/properties/portainer/properties/local_environment/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err243];
}
else {
vErrors.push(err243);
}
errors++;
}
if(typeof data103.agent_tls !== "boolean"){
const err244 = {instancePath:instancePath+"/sync/portainer/agent_tls",schemaPath:"#/properties/sync/properties/portainer/properties/agent_tls/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err244];
}
else {
vErrors.push(err244);
}
errors++;
}
let data109 = data103.request_timeout_seconds;
if(typeof data109 == "number"){
if(data109 > 86400 || isNaN(data109)){
const err245 = {instancePath:instancePath+"/sync/portainer/request_timeout_seconds",schemaPath:"#/properties/sync/properties/portainer/properties/request_timeout_seconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 86400},message:"must be <= 86400"};
if(vErrors === null){
vErrors = [err245];
}
else {
vErrors.push(err245);
}
errors++;
}
if(data109 <= 0 || isNaN(data109)){
const err246 = {instancePath:instancePath+"/sync/portainer/request_timeout_seconds",schemaPath:"#/properties/sync/properties/portainer/properties/request_timeout_seconds/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err246];
}
else {
vErrors.push(err246);
}
errors++;
}
}
else {
const err247 = {instancePath:instancePath+"/sync/portainer/request_timeout_seconds",schemaPath:"#/properties/sync/properties/portainer/properties/request_timeout_seconds/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err247];
}
else {
vErrors.push(err247);
}
errors++;
}
let data110 = data103.retries;
if(!((typeof data110 == "number") && (!(data110 % 1) && !isNaN(data110)))){
const err248 = {instancePath:instancePath+"/sync/portainer/retries",schemaPath:"#/properties/sync/properties/portainer/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err248];
}
else {
vErrors.push(err248);
}
errors++;
}
if(typeof data110 == "number"){
if(data110 > 10 || isNaN(data110)){
const err249 = {instancePath:instancePath+"/sync/portainer/retries",schemaPath:"#/properties/sync/properties/portainer/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10},message:"must be <= 10"};
if(vErrors === null){
vErrors = [err249];
}
else {
vErrors.push(err249);
}
errors++;
}
if(data110 < 0 || isNaN(data110)){
const err250 = {instancePath:instancePath+"/sync/portainer/retries",schemaPath:"#/properties/sync/properties/portainer/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err250];
}
else {
vErrors.push(err250);
}
errors++;
}
}
let data111 = data103.health_timeout_seconds;
if(typeof data111 == "number"){
if(data111 > 86400 || isNaN(data111)){
const err251 = {instancePath:instancePath+"/sync/portainer/health_timeout_seconds",schemaPath:"#/properties/sync/properties/portainer/properties/health_timeout_seconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 86400},message:"must be <= 86400"};
if(vErrors === null){
vErrors = [err251];
}
else {
vErrors.push(err251);
}
errors++;
}
if(data111 <= 0 || isNaN(data111)){
const err252 = {instancePath:instancePath+"/sync/portainer/health_timeout_seconds",schemaPath:"#/properties/sync/properties/portainer/properties/health_timeout_seconds/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err252];
}
else {
vErrors.push(err252);
}
errors++;
}
}
else {
const err253 = {instancePath:instancePath+"/sync/portainer/health_timeout_seconds",schemaPath:"#/properties/sync/properties/portainer/properties/health_timeout_seconds/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err253];
}
else {
vErrors.push(err253);
}
errors++;
}
}
else {
const err254 = {instancePath:instancePath+"/sync/portainer",schemaPath:"#/properties/sync/properties/portainer/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err254];
}
else {
vErrors.push(err254);
}
errors++;
}
let data112 = data60.docker;
if(data112 && typeof data112 == "object" && !Array.isArray(data112)){
if(data112.host === undefined){
data112.host = "unix:///var/run/docker.sock";
}
if(data112.hosts === undefined){
data112.hosts = {};
}
if(data112.health_timeout_seconds === undefined){
data112.health_timeout_seconds = 180;
}
if(data112.host === undefined){
const err255 = {instancePath:instancePath+"/sync/docker",schemaPath:"#/properties/sync/properties/docker/required",keyword:"required",params:{missingProperty: "host"},message:"must have required property '"+"host"+"'"};
if(vErrors === null){
vErrors = [err255];
}
else {
vErrors.push(err255);
}
errors++;
}
if(data112.hosts === undefined){
const err256 = {instancePath:instancePath+"/sync/docker",schemaPath:"#/properties/sync/properties/docker/required",keyword:"required",params:{missingProperty: "hosts"},message:"must have required property '"+"hosts"+"'"};
if(vErrors === null){
vErrors = [err256];
}
else {
vErrors.push(err256);
}
errors++;
}
if(data112.health_timeout_seconds === undefined){
const err257 = {instancePath:instancePath+"/sync/docker",schemaPath:"#/properties/sync/properties/docker/required",keyword:"required",params:{missingProperty: "health_timeout_seconds"},message:"must have required property '"+"health_timeout_seconds"+"'"};
if(vErrors === null){
vErrors = [err257];
}
else {
vErrors.push(err257);
}
errors++;
}
for(const key10 in data112){
if(!(((key10 === "host") || (key10 === "hosts")) || (key10 === "health_timeout_seconds"))){
const err258 = {instancePath:instancePath+"/sync/docker",schemaPath:"#/properties/sync/properties/docker/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err258];
}
else {
vErrors.push(err258);
}
errors++;
}
}
if(typeof data112.host !== "string"){
const err259 = {instancePath:instancePath+"/sync/docker/host",schemaPath:"#/properties/sync/properties/docker/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err259];
}
else {
vErrors.push(err259);
}
errors++;
}
let data114 = data112.hosts;
if(data114 && typeof data114 == "object" && !Array.isArray(data114)){
for(const key11 in data114){
if(pattern1.test(key11)){
if(typeof data114[key11] !== "string"){
const err260 = {instancePath:instancePath+"/sync/docker/hosts/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/sync/properties/docker/properties/hosts/patternProperties/%5E%5B0-9%5D%2B%24/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err260];
}
else {
vErrors.push(err260);
}
errors++;
}
}
}
}
else {
const err261 = {instancePath:instancePath+"/sync/docker/hosts",schemaPath:"#/properties/sync/properties/docker/properties/hosts/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err261];
}
else {
vErrors.push(err261);
}
errors++;
}
let data116 = data112.health_timeout_seconds;
if(typeof data116 == "number"){
if(data116 > 86400 || isNaN(data116)){
const err262 = {instancePath:instancePath+"/sync/docker/health_timeout_seconds",schemaPath:"#/properties/sync/properties/docker/properties/health_timeout_seconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 86400},message:"must be <= 86400"};
if(vErrors === null){
vErrors = [err262];
}
else {
vErrors.push(err262);
}
errors++;
}
if(data116 <= 0 || isNaN(data116)){
const err263 = {instancePath:instancePath+"/sync/docker/health_timeout_seconds",schemaPath:"#/properties/sync/properties/docker/properties/health_timeout_seconds/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err263];
}
else {
vErrors.push(err263);
}
errors++;
}
}
else {
const err264 = {instancePath:instancePath+"/sync/docker/health_timeout_seconds",schemaPath:"#/properties/sync/properties/docker/properties/health_timeout_seconds/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err264];
}
else {
vErrors.push(err264);
}
errors++;
}
}
else {
const err265 = {instancePath:instancePath+"/sync/docker",schemaPath:"#/properties/sync/properties/docker/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err265];
}
else {
vErrors.push(err265);
}
errors++;
}
let data117 = data60.limits;
if(data117 && typeof data117 == "object" && !Array.isArray(data117)){
if(data117.stack_file_bytes === undefined){
data117.stack_file_bytes = 4194304;
}
if(data117.value_bytes === undefined){
data117.value_bytes = 1048576;
}
if(data117.stack_file_bytes === undefined){
const err266 = {instancePath:instancePath+"/sync/limits",schemaPath:"#/properties/sync/properties/limits/required",keyword:"required",params:{missingProperty: "stack_file_bytes"},message:"must have required property '"+"stack_file_bytes"+"'"};
if(vErrors === null){
vErrors = [err266];
}
else {
vErrors.push(err266);
}
errors++;
}
if(data117.value_bytes === undefined){
const err267 = {instancePath:instancePath+"/sync/limits",schemaPath:"#/properties/sync/properties/limits/required",keyword:"required",params:{missingProperty: "value_bytes"},message:"must have required property '"+"value_bytes"+"'"};
if(vErrors === null){
vErrors = [err267];
}
else {
vErrors.push(err267);
}
errors++;
}
for(const key12 in data117){
if(!((key12 === "stack_file_bytes") || (key12 === "value_bytes"))){
const err268 = {instancePath:instancePath+"/sync/limits",schemaPath:"#/properties/sync/properties/limits/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err268];
}
else {
vErrors.push(err268);
}
errors++;
}
}
let data118 = data117.stack_file_bytes;
if(!((typeof data118 == "number") && (!(data118 % 1) && !isNaN(data118)))){
const err269 = {instancePath:instancePath+"/sync/limits/stack_file_bytes",schemaPath:"#/properties/sync/properties/limits/properties/stack_file_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err269];
}
else {
vErrors.push(err269);
}
errors++;
}
if(typeof data118 == "number"){
if(data118 > 268435456 || isNaN(data118)){
const err270 = {instancePath:instancePath+"/sync/limits/stack_file_bytes",schemaPath:"#/properties/sync/properties/limits/properties/stack_file_bytes/maximum",keyword:"maximum",params:{comparison: "<=", limit: 268435456},message:"must be <= 268435456"};
if(vErrors === null){
vErrors = [err270];
}
else {
vErrors.push(err270);
}
errors++;
}
if(data118 < 1024 || isNaN(data118)){
const err271 = {instancePath:instancePath+"/sync/limits/stack_file_bytes",schemaPath:"#/properties/sync/properties/limits/properties/stack_file_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1024},message:"must be >= 1024"};
if(vErrors === null){
vErrors = [err271];
}
else {
vErrors.push(err271);
}
errors++;
}
}
let data119 = data117.value_bytes;
if(!((typeof data119 == "number") && (!(data119 % 1) && !isNaN(data119)))){
const err272 = {instancePath:instancePath+"/sync/limits/value_bytes",schemaPath:"#/properties/sync/properties/limits/properties/value_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err272];
}
else {
vErrors.push(err272);
}
errors++;
}
if(typeof data119 == "number"){
if(data119 > 67108864 || isNaN(data119)){
const err273 = {instancePath:instancePath+"/sync/limits/value_bytes",schemaPath:"#/properties/sync/properties/limits/properties/value_bytes/maximum",keyword:"maximum",params:{comparison: "<=", limit: 67108864},message:"must be <= 67108864"};
if(vErrors === null){
vErrors = [err273];
}
else {
vErrors.push(err273);
}
errors++;
}
if(data119 < 256 || isNaN(data119)){
const err274 = {instancePath:instancePath+"/sync/limits/value_bytes",schemaPath:"#/properties/sync/properties/limits/properties/value_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 256},message:"must be >= 256"};
if(vErrors === null){
vErrors = [err274];
}
else {
vErrors.push(err274);
}
errors++;
}
}
}
else {
const err275 = {instancePath:instancePath+"/sync/limits",schemaPath:"#/properties/sync/properties/limits/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err275];
}
else {
vErrors.push(err275);
}
errors++;
}
if(typeof data60.state_dir !== "string"){
const err276 = {instancePath:instancePath+"/sync/state_dir",schemaPath:"#/properties/sync/properties/state_dir/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err276];
}
else {
vErrors.push(err276);
}
errors++;
}
let data121 = data60.serve;
if(data121 && typeof data121 == "object" && !Array.isArray(data121)){
if(data121.listen === undefined){
data121.listen = "127.0.0.1:9440";
}
if(data121.poll_seconds === undefined){
data121.poll_seconds = 60;
}
if(data121.drift_seconds === undefined){
data121.drift_seconds = 600;
}
if(data121.self_heal === undefined){
data121.self_heal = false;
}
if(data121.stop_seconds === undefined){
data121.stop_seconds = 60;
}
if(data121.listen === undefined){
const err277 = {instancePath:instancePath+"/sync/serve",schemaPath:"#/properties/sync/properties/serve/required",keyword:"required",params:{missingProperty: "listen"},message:"must have required property '"+"listen"+"'"};
if(vErrors === null){
vErrors = [err277];
}
else {
vErrors.push(err277);
}
errors++;
}
if(data121.poll_seconds === undefined){
const err278 = {instancePath:instancePath+"/sync/serve",schemaPath:"#/properties/sync/properties/serve/required",keyword:"required",params:{missingProperty: "poll_seconds"},message:"must have required property '"+"poll_seconds"+"'"};
if(vErrors === null){
vErrors = [err278];
}
else {
vErrors.push(err278);
}
errors++;
}
if(data121.drift_seconds === undefined){
const err279 = {instancePath:instancePath+"/sync/serve",schemaPath:"#/properties/sync/properties/serve/required",keyword:"required",params:{missingProperty: "drift_seconds"},message:"must have required property '"+"drift_seconds"+"'"};
if(vErrors === null){
vErrors = [err279];
}
else {
vErrors.push(err279);
}
errors++;
}
if(data121.self_heal === undefined){
const err280 = {instancePath:instancePath+"/sync/serve",schemaPath:"#/properties/sync/properties/serve/required",keyword:"required",params:{missingProperty: "self_heal"},message:"must have required property '"+"self_heal"+"'"};
if(vErrors === null){
vErrors = [err280];
}
else {
vErrors.push(err280);
}
errors++;
}
if(data121.stop_seconds === undefined){
const err281 = {instancePath:instancePath+"/sync/serve",schemaPath:"#/properties/sync/properties/serve/required",keyword:"required",params:{missingProperty: "stop_seconds"},message:"must have required property '"+"stop_seconds"+"'"};
if(vErrors === null){
vErrors = [err281];
}
else {
vErrors.push(err281);
}
errors++;
}
for(const key13 in data121){
if(!(((((((key13 === "listen") || (key13 === "token")) || (key13 === "webhook_secret")) || (key13 === "poll_seconds")) || (key13 === "drift_seconds")) || (key13 === "self_heal")) || (key13 === "stop_seconds"))){
const err282 = {instancePath:instancePath+"/sync/serve",schemaPath:"#/properties/sync/properties/serve/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err282];
}
else {
vErrors.push(err282);
}
errors++;
}
}
if(typeof data121.listen !== "string"){
const err283 = {instancePath:instancePath+"/sync/serve/listen",schemaPath:"#/properties/sync/properties/serve/properties/listen/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err283];
}
else {
vErrors.push(err283);
}
errors++;
}
if(data121.token !== undefined){
if(typeof data121.token !== "string"){
const err284 = {instancePath:instancePath+"/sync/serve/token",schemaPath:"#/properties/sync/properties/serve/properties/token/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err284];
}
else {
vErrors.push(err284);
}
errors++;
}
}
if(data121.webhook_secret !== undefined){
if(typeof data121.webhook_secret !== "string"){
const err285 = {instancePath:instancePath+"/sync/serve/webhook_secret",schemaPath:"#/properties/sync/properties/serve/properties/webhook_secret/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err285];
}
else {
vErrors.push(err285);
}
errors++;
}
}
let data125 = data121.poll_seconds;
if(!((typeof data125 == "number") && (!(data125 % 1) && !isNaN(data125)))){
const err286 = {instancePath:instancePath+"/sync/serve/poll_seconds",schemaPath:"#/properties/sync/properties/serve/properties/poll_seconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err286];
}
else {
vErrors.push(err286);
}
errors++;
}
if(typeof data125 == "number"){
if(data125 > 86400 || isNaN(data125)){
const err287 = {instancePath:instancePath+"/sync/serve/poll_seconds",schemaPath:"#/properties/sync/properties/serve/properties/poll_seconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 86400},message:"must be <= 86400"};
if(vErrors === null){
vErrors = [err287];
}
else {
vErrors.push(err287);
}
errors++;
}
if(data125 < 0 || isNaN(data125)){
const err288 = {instancePath:instancePath+"/sync/serve/poll_seconds",schemaPath:"#/properties/sync/properties/serve/properties/poll_seconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err288];
}
else {
vErrors.push(err288);
}
errors++;
}
}
let data126 = data121.drift_seconds;
if(!((typeof data126 == "number") && (!(data126 % 1) && !isNaN(data126)))){
const err289 = {instancePath:instancePath+"/sync/serve/drift_seconds",schemaPath:"#/properties/sync/properties/serve/properties/drift_seconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err289];
}
else {
vErrors.push(err289);
}
errors++;
}
if(typeof data126 == "number"){
if(data126 > 86400 || isNaN(data126)){
const err290 = {instancePath:instancePath+"/sync/serve/drift_seconds",schemaPath:"#/properties/sync/properties/serve/properties/drift_seconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 86400},message:"must be <= 86400"};
if(vErrors === null){
vErrors = [err290];
}
else {
vErrors.push(err290);
}
errors++;
}
if(data126 < 0 || isNaN(data126)){
const err291 = {instancePath:instancePath+"/sync/serve/drift_seconds",schemaPath:"#/properties/sync/properties/serve/properties/drift_seconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err291];
}
else {
vErrors.push(err291);
}
errors++;
}
}
if(typeof data121.self_heal !== "boolean"){
const err292 = {instancePath:instancePath+"/sync/serve/self_heal",schemaPath:"#/properties/sync/properties/serve/properties/self_heal/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err292];
}
else {
vErrors.push(err292);
}
errors++;
}
let data128 = data121.stop_seconds;
if(typeof data128 == "number"){
if(data128 > 3600 || isNaN(data128)){
const err293 = {instancePath:instancePath+"/sync/serve/stop_seconds",schemaPath:"#/properties/sync/properties/serve/properties/stop_seconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 3600},message:"must be <= 3600"};
if(vErrors === null){
vErrors = [err293];
}
else {
vErrors.push(err293);
}
errors++;
}
if(data128 < 0 || isNaN(data128)){
const err294 = {instancePath:instancePath+"/sync/serve/stop_seconds",schemaPath:"#/properties/sync/properties/serve/properties/stop_seconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err294];
}
else {
vErrors.push(err294);
}
errors++;
}
}
else {
const err295 = {instancePath:instancePath+"/sync/serve/stop_seconds",schemaPath:"#/properties/sync/properties/serve/properties/stop_seconds/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err295];
}
else {
vErrors.push(err295);
}
errors++;
}
}
else {
const err296 = {instancePath:instancePath+"/sync/serve",schemaPath:"#/properties/sync/properties/serve/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err296];
}
else {
vErrors.push(err296);
}
errors++;
}
let data129 = data60.notify;
if(Array.isArray(data129)){
const len12 = data129.length;
for(let i13=0; i13<len12; i13++){
let data130 = data129[i13];
if(data130 && typeof data130 == "object" && !Array.isArray(data130)){
if(data130.on === undefined){
data130.on = ["failure","drift","recovery"];
}
if(data130.type === undefined){
const err297 = {instancePath:instancePath+"/sync/notify/" + i13,schemaPath:"#/properties/sync/properties/notify/items/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err297];
}
else {
vErrors.push(err297);
}
errors++;
}
if(data130.url === undefined){
const err298 = {instancePath:instancePath+"/sync/notify/" + i13,schemaPath:"#/properties/sync/properties/notify/items/required",keyword:"required",params:{missingProperty: "url"},message:"must have required property '"+"url"+"'"};
if(vErrors === null){
vErrors = [err298];
}
else {
vErrors.push(err298);
}
errors++;
}
if(data130.on === undefined){
const err299 = {instancePath:instancePath+"/sync/notify/" + i13,schemaPath:"#/properties/sync/properties/notify/items/required",keyword:"required",params:{missingProperty: "on"},message:"must have required property '"+"on"+"'"};
if(vErrors === null){
vErrors = [err299];
}
else {
vErrors.push(err299);
}
errors++;
}
for(const key14 in data130){
if(!((((key14 === "type") || (key14 === "url")) || (key14 === "token")) || (key14 === "on"))){
const err300 = {instancePath:instancePath+"/sync/notify/" + i13,schemaPath:"#/properties/sync/properties/notify/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err300];
}
else {
vErrors.push(err300);
}
errors++;
}
}
if(data130.type !== undefined){
let data131 = data130.type;
const _errs355 = errors;
let valid65 = false;
const _errs356 = errors;
if(typeof data131 !== "string"){
const err301 = {instancePath:instancePath+"/sync/notify/" + i13+"/type",schemaPath:"#/properties/sync/properties/notify/items/properties/type/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err301];
}
else {
vErrors.push(err301);
}
errors++;
}
if("webhook" !== data131){
const err302 = {instancePath:instancePath+"/sync/notify/" + i13+"/type",schemaPath:"#/properties/sync/properties/notify/items/properties/type/anyOf/0/const",keyword:"const",params:{allowedValue: "webhook"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err302];
}
else {
vErrors.push(err302);
}
errors++;
}
var _valid15 = _errs356 === errors;
valid65 = valid65 || _valid15;
if(!valid65){
const _errs358 = errors;
if(typeof data131 !== "string"){
const err303 = {instancePath:instancePath+"/sync/notify/" + i13+"/type",schemaPath:"#/properties/sync/properties/notify/items/properties/type/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err303];
}
else {
vErrors.push(err303);
}
errors++;
}
if("ntfy" !== data131){
const err304 = {instancePath:instancePath+"/sync/notify/" + i13+"/type",schemaPath:"#/properties/sync/properties/notify/items/properties/type/anyOf/1/const",keyword:"const",params:{allowedValue: "ntfy"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err304];
}
else {
vErrors.push(err304);
}
errors++;
}
var _valid15 = _errs358 === errors;
valid65 = valid65 || _valid15;
if(!valid65){
const _errs360 = errors;
if(typeof data131 !== "string"){
const err305 = {instancePath:instancePath+"/sync/notify/" + i13+"/type",schemaPath:"#/properties/sync/properties/notify/items/properties/type/anyOf/2/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err305];
}
else {
vErrors.push(err305);
}
errors++;
}
if("apprise" !== data131){
const err306 = {instancePath:instancePath+"/sync/notify/" + i13+"/type",schemaPath:"#/properties/sync/properties/notify/items/properties/type/anyOf/2/const",keyword:"const",params:{allowedValue: "apprise"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err306];
}
else {
vErrors.push(err306);
}
errors++;
}
var _valid15 = _errs360 === errors;
valid65 = valid65 || _valid15;
}
}
if(!valid65){
const err307 = {instancePath:instancePath+"/sync/notify/" + i13+"/type",schemaPath:"#/properties/sync/properties/notify/items/properties/type/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err307];
}
else {
vErrors.push(err307);
}
errors++;
}
else {
errors = _errs355;
if(vErrors !== null){
if(_errs355){
vErrors.length = _errs355;
}
else {
vErrors = null;
}
}
}
}
if(data130.url !== undefined){
let data132 = data130.url;
if(typeof data132 === "string"){
if(func0(data132) < 1){
const err308 = {instancePath:instancePath+"/sync/notify/" + i13+"/url",schemaPath:"#/properties/sync/properties/notify/items/properties/url/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err308];
}
else {
vErrors.push(err308);
}
errors++;
}
}
else {
const err309 = {instancePath:instancePath+"/sync/notify/" + i13+"/url",schemaPath:"#/properties/sync/properties/notify/items/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err309];
}
else {
vErrors.push(err309);
}
errors++;
}
}
if(data130.token !== undefined){
if(typeof data130.token !== "string"){
const err310 = {instancePath:instancePath+"/sync/notify/" + i13+"/token",schemaPath:"#/properties/sync/properties/notify/items/properties/token/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err310];
}
else {
vErrors.push(err310);
}
errors++;
}
}
let data134 = data130.on;
if(Array.isArray(data134)){
const len13 = data134.length;
for(let i14=0; i14<len13; i14++){
let data135 = data134[i14];
const _errs369 = errors;
let valid68 = false;
const _errs370 = errors;
if(typeof data135 !== "string"){
const err311 = {instancePath:instancePath+"/sync/notify/" + i13+"/on/" + i14,schemaPath:"#/properties/sync/properties/notify/items/properties/on/items/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err311];
}
else {
vErrors.push(err311);
}
errors++;
}
if("failure" !== data135){
const err312 = {instancePath:instancePath+"/sync/notify/" + i13+"/on/" + i14,schemaPath:"#/properties/sync/properties/notify/items/properties/on/items/anyOf/0/const",keyword:"const",params:{allowedValue: "failure"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err312];
}
else {
vErrors.push(err312);
}
errors++;
}
var _valid16 = _errs370 === errors;
valid68 = valid68 || _valid16;
if(!valid68){
const _errs372 = errors;
if(typeof data135 !== "string"){
const err313 = {instancePath:instancePath+"/sync/notify/" + i13+"/on/" + i14,schemaPath:"#/properties/sync/properties/notify/items/properties/on/items/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err313];
}
else {
vErrors.push(err313);
}
errors++;
}
if("drift" !== data135){
const err314 = {instancePath:instancePath+"/sync/notify/" + i13+"/on/" + i14,schemaPath:"#/properties/sync/properties/notify/items/properties/on/items/anyOf/1/const",keyword:"const",params:{allowedValue: "drift"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err314];
}
else {
vErrors.push(err314);
}
errors++;
}
var _valid16 = _errs372 === errors;
valid68 = valid68 || _valid16;
if(!valid68){
const _errs374 = errors;
if(typeof data135 !== "string"){
const err315 = {instancePath:instancePath+"/sync/notify/" + i13+"/on/" + i14,schemaPath:"#/properties/sync/properties/notify/items/properties/on/items/anyOf/2/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err315];
}
else {
vErrors.push(err315);
}
errors++;
}
if("recovery" !== data135){
const err316 = {instancePath:instancePath+"/sync/notify/" + i13+"/on/" + i14,schemaPath:"#/properties/sync/properties/notify/items/properties/on/items/anyOf/2/const",keyword:"const",params:{allowedValue: "recovery"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err316];
}
else {
vErrors.push(err316);
}
errors++;
}
var _valid16 = _errs374 === errors;
valid68 = valid68 || _valid16;
}
}
if(!valid68){
const err317 = {instancePath:instancePath+"/sync/notify/" + i13+"/on/" + i14,schemaPath:"#/properties/sync/properties/notify/items/properties/on/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err317];
}
else {
vErrors.push(err317);
}
errors++;
}
else {
errors = _errs369;
if(vErrors !== null){
if(_errs369){
vErrors.length = _errs369;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err318 = {instancePath:instancePath+"/sync/notify/" + i13+"/on",schemaPath:"#/properties/sync/properties/notify/items/properties/on/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err318];
}
else {
vErrors.push(err318);
}
errors++;
}
}
else {
const err319 = {instancePath:instancePath+"/sync/notify/" + i13,schemaPath:"#/properties/sync/properties/notify/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err319];
}
else {
vErrors.push(err319);
}
errors++;
}
}
}
else {
const err320 = {instancePath:instancePath+"/sync/notify",schemaPath:"#/properties/sync/properties/notify/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err320];
}
else {
vErrors.push(err320);
}
errors++;
}
let data136 = data60.checks;
if(Array.isArray(data136)){
const len14 = data136.length;
for(let i15=0; i15<len14; i15++){
let data137 = data136[i15];
if(data137 && typeof data137 == "object" && !Array.isArray(data137)){
if(data137.required === undefined){
data137.required = true;
}
if(data137.timeout_seconds === undefined){
data137.timeout_seconds = 5;
}
if(data137.retries === undefined){
data137.retries = 2;
}
if(data137.name === undefined){
const err321 = {instancePath:instancePath+"/sync/checks/" + i15,schemaPath:"#/properties/sync/properties/checks/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err321];
}
else {
vErrors.push(err321);
}
errors++;
}
if(data137.kind === undefined){
const err322 = {instancePath:instancePath+"/sync/checks/" + i15,schemaPath:"#/properties/sync/properties/checks/items/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'"};
if(vErrors === null){
vErrors = [err322];
}
else {
vErrors.push(err322);
}
errors++;
}
if(data137.required === undefined){
const err323 = {instancePath:instancePath+"/sync/checks/" + i15,schemaPath:"#/properties/sync/properties/checks/items/required",keyword:"required",params:{missingProperty: "required"},message:"must have required property '"+"required"+"'"};
if(vErrors === null){
vErrors = [err323];
}
else {
vErrors.push(err323);
}
errors++;
}
if(data137.timeout_seconds === undefined){
const err324 = {instancePath:instancePath+"/sync/checks/" + i15,schemaPath:"#/properties/sync/properties/checks/items/required",keyword:"required",params:{missingProperty: "timeout_seconds"},message:"must have required property '"+"timeout_seconds"+"'"};
if(vErrors === null){
vErrors = [err324];
}
else {
vErrors.push(err324);
}
errors++;
}
if(data137.retries === undefined){
const err325 = {instancePath:instancePath+"/sync/checks/" + i15,schemaPath:"#/properties/sync/properties/checks/items/required",keyword:"required",params:{missingProperty: "retries"},message:"must have required property '"+"retries"+"'"};
if(vErrors === null){
vErrors = [err325];
}
else {
vErrors.push(err325);
}
errors++;
}
for(const key15 in data137){
if(!(func3.call(schema0.properties.sync.properties.checks.items.properties, key15))){
const err326 = {instancePath:instancePath+"/sync/checks/" + i15,schemaPath:"#/properties/sync/properties/checks/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err326];
}
else {
vErrors.push(err326);
}
errors++;
}
}
if(data137.name !== undefined){
let data138 = data137.name;
if(typeof data138 === "string"){
if(func0(data138) < 1){
const err327 = {instancePath:instancePath+"/sync/checks/" + i15+"/name",schemaPath:"#/properties/sync/properties/checks/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err327];
}
else {
vErrors.push(err327);
}
errors++;
}
}
else {
const err328 = {instancePath:instancePath+"/sync/checks/" + i15+"/name",schemaPath:"#/properties/sync/properties/checks/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err328];
}
else {
vErrors.push(err328);
}
errors++;
}
}
if(data137.kind !== undefined){
let data139 = data137.kind;
const _errs384 = errors;
let valid72 = false;
const _errs385 = errors;
if(typeof data139 !== "string"){
const err329 = {instancePath:instancePath+"/sync/checks/" + i15+"/kind",schemaPath:"#/properties/sync/properties/checks/items/properties/kind/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err329];
}
else {
vErrors.push(err329);
}
errors++;
}
if("http" !== data139){
const err330 = {instancePath:instancePath+"/sync/checks/" + i15+"/kind",schemaPath:"#/properties/sync/properties/checks/items/properties/kind/anyOf/0/const",keyword:"const",params:{allowedValue: "http"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err330];
}
else {
vErrors.push(err330);
}
errors++;
}
var _valid17 = _errs385 === errors;
valid72 = valid72 || _valid17;
if(!valid72){
const _errs387 = errors;
if(typeof data139 !== "string"){
const err331 = {instancePath:instancePath+"/sync/checks/" + i15+"/kind",schemaPath:"#/properties/sync/properties/checks/items/properties/kind/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err331];
}
else {
vErrors.push(err331);
}
errors++;
}
if("tcp" !== data139){
const err332 = {instancePath:instancePath+"/sync/checks/" + i15+"/kind",schemaPath:"#/properties/sync/properties/checks/items/properties/kind/anyOf/1/const",keyword:"const",params:{allowedValue: "tcp"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err332];
}
else {
vErrors.push(err332);
}
errors++;
}
var _valid17 = _errs387 === errors;
valid72 = valid72 || _valid17;
if(!valid72){
const _errs389 = errors;
if(typeof data139 !== "string"){
const err333 = {instancePath:instancePath+"/sync/checks/" + i15+"/kind",schemaPath:"#/properties/sync/properties/checks/items/properties/kind/anyOf/2/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err333];
}
else {
vErrors.push(err333);
}
errors++;
}
if("dns" !== data139){
const err334 = {instancePath:instancePath+"/sync/checks/" + i15+"/kind",schemaPath:"#/properties/sync/properties/checks/items/properties/kind/anyOf/2/const",keyword:"const",params:{allowedValue: "dns"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err334];
}
else {
vErrors.push(err334);
}
errors++;
}
var _valid17 = _errs389 === errors;
valid72 = valid72 || _valid17;
}
}
if(!valid72){
const err335 = {instancePath:instancePath+"/sync/checks/" + i15+"/kind",schemaPath:"#/properties/sync/properties/checks/items/properties/kind/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err335];
}
else {
vErrors.push(err335);
}
errors++;
}
else {
errors = _errs384;
if(vErrors !== null){
if(_errs384){
vErrors.length = _errs384;
}
else {
vErrors = null;
}
}
}
}
if(data137.url !== undefined){
if(typeof data137.url !== "string"){
const err336 = {instancePath:instancePath+"/sync/checks/" + i15+"/url",schemaPath:"#/properties/sync/properties/checks/items/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err336];
}
else {
vErrors.push(err336);
}
errors++;
}
}
if(data137.expect_status !== undefined){
let data141 = data137.expect_status;
if(!((typeof data141 == "number") && (!(data141 % 1) && !isNaN(data141)))){
const err337 = {instancePath:instancePath+"/sync/checks/" + i15+"/expect_status",schemaPath:"#/properties/sync/properties/checks/items/properties/expect_status/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err337];
}
else {
vErrors.push(err337);
}
errors++;
}
if(typeof data141 == "number"){
if(data141 > 599 || isNaN(data141)){
const err338 = {instancePath:instancePath+"/sync/checks/" + i15+"/expect_status",schemaPath:"#/properties/sync/properties/checks/items/properties/expect_status/maximum",keyword:"maximum",params:{comparison: "<=", limit: 599},message:"must be <= 599"};
if(vErrors === null){
vErrors = [err338];
}
else {
vErrors.push(err338);
}
errors++;
}
if(data141 < 100 || isNaN(data141)){
const err339 = {instancePath:instancePath+"/sync/checks/" + i15+"/expect_status",schemaPath:"#/properties/sync/properties/checks/items/properties/expect_status/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100"};
if(vErrors === null){
vErrors = [err339];
}
else {
vErrors.push(err339);
}
errors++;
}
}
}
if(data137.json_field !== undefined){
if(typeof data137.json_field !== "string"){
const err340 = {instancePath:instancePath+"/sync/checks/" + i15+"/json_field",schemaPath:"#/properties/sync/properties/checks/items/properties/json_field/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err340];
}
else {
vErrors.push(err340);
}
errors++;
}
}
if(data137.json_value !== undefined){
if(typeof data137.json_value !== "string"){
const err341 = {instancePath:instancePath+"/sync/checks/" + i15+"/json_value",schemaPath:"#/properties/sync/properties/checks/items/properties/json_value/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err341];
}
else {
vErrors.push(err341);
}
errors++;
}
}
if(data137.host !== undefined){
if(typeof data137.host !== "string"){
const err342 = {instancePath:instancePath+"/sync/checks/" + i15+"/host",schemaPath:"#/properties/sync/properties/checks/items/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err342];
}
else {
vErrors.push(err342);
}
errors++;
}
}
if(data137.port !== undefined){
let data145 = data137.port;
if(!((typeof data145 == "number") && (!(data145 % 1) && !isNaN(data145)))){
const err343 = {instancePath:instancePath+"/sync/checks/" + i15+"/port",schemaPath:"#/properties/sync/properties/checks/items/properties/port/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err343];
}
else {
vErrors.push(err343);
}
errors++;
}
if(typeof data145 == "number"){
if(data145 > 65535 || isNaN(data145)){
const err344 = {instancePath:instancePath+"/sync/checks/" + i15+"/port",schemaPath:"#/properties/sync/properties/checks/items/properties/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err344];
}
else {
vErrors.push(err344);
}
errors++;
}
if(data145 < 1 || isNaN(data145)){
const err345 = {instancePath:instancePath+"/sync/checks/" + i15+"/port",schemaPath:"#/properties/sync/properties/checks/items/properties/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err345];
}
else {
vErrors.push(err345);
}
errors++;
}
}
}
if(data137.server !== undefined){
if(typeof data137.server !== "string"){
const err346 = {instancePath:instancePath+"/sync/checks/" + i15+"/server",schemaPath:"#/properties/sync/properties/checks/items/properties/server/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err346];
}
else {
vErrors.push(err346);
}
errors++;
}
}
if(typeof data137.required !== "boolean"){
const err347 = {instancePath:instancePath+"/sync/checks/" + i15+"/required",schemaPath:"#/properties/sync/properties/checks/items/properties/required/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err347];
}
else {
vErrors.push(err347);
}
errors++;
}
let data148 = data137.timeout_seconds;
if(typeof data148 == "number"){
if(data148 > 86400 || isNaN(data148)){
const err348 = {instancePath:instancePath+"/sync/checks/" + i15+"/timeout_seconds",schemaPath:"#/properties/sync/properties/checks/items/properties/timeout_seconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 86400},message:"must be <= 86400"};
if(vErrors === null){
vErrors = [err348];
}
else {
vErrors.push(err348);
}
errors++;
}
if(data148 <= 0 || isNaN(data148)){
const err349 = {instancePath:instancePath+"/sync/checks/" + i15+"/timeout_seconds",schemaPath:"#/properties/sync/properties/checks/items/properties/timeout_seconds/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err349];
}
else {
vErrors.push(err349);
}
errors++;
}
}
else {
const err350 = {instancePath:instancePath+"/sync/checks/" + i15+"/timeout_seconds",schemaPath:"#/properties/sync/properties/checks/items/properties/timeout_seconds/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err350];
}
else {
vErrors.push(err350);
}
errors++;
}
let data149 = data137.retries;
if(!((typeof data149 == "number") && (!(data149 % 1) && !isNaN(data149)))){
const err351 = {instancePath:instancePath+"/sync/checks/" + i15+"/retries",schemaPath:"#/properties/sync/properties/checks/items/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err351];
}
else {
vErrors.push(err351);
}
errors++;
}
if(typeof data149 == "number"){
if(data149 > 20 || isNaN(data149)){
const err352 = {instancePath:instancePath+"/sync/checks/" + i15+"/retries",schemaPath:"#/properties/sync/properties/checks/items/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 20},message:"must be <= 20"};
if(vErrors === null){
vErrors = [err352];
}
else {
vErrors.push(err352);
}
errors++;
}
if(data149 < 0 || isNaN(data149)){
const err353 = {instancePath:instancePath+"/sync/checks/" + i15+"/retries",schemaPath:"#/properties/sync/properties/checks/items/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err353];
}
else {
vErrors.push(err353);
}
errors++;
}
}
}
else {
const err354 = {instancePath:instancePath+"/sync/checks/" + i15,schemaPath:"#/properties/sync/properties/checks/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err354];
}
else {
vErrors.push(err354);
}
errors++;
}
}
}
else {
const err355 = {instancePath:instancePath+"/sync/checks",schemaPath:"#/properties/sync/properties/checks/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err355];
}
else {
vErrors.push(err355);
}
errors++;
}
}
else {
const err356 = {instancePath:instancePath+"/sync",schemaPath:"#/properties/sync/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err356];
}
else {
vErrors.push(err356);
}
errors++;
}
}
else {
const err357 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err357];
}
else {
vErrors.push(err357);
}
errors++;
}
validate0.errors = vErrors;
return errors === 0;
}

export const VmConfigSchema = validate1;
const schema1 = {"additionalProperties":true,"description":"VMs. Keys Phoenix does not read (cores, memory, template…) are ignored.","type":"object","required":["vms"],"properties":{"$schema":{"type":"string"},"vms":{"type":"array","items":{"additionalProperties":true,"type":"object","required":["vmid","name"],"properties":{"vmid":{"minimum":100,"maximum":999999999,"type":"integer"},"name":{"minLength":1,"type":"string"},"network_config":{"additionalProperties":true,"type":"object","properties":{"ip":{"description":"`dhcp` or a static address with prefix, e.g. 10.0.0.102/24.","type":"string"},"gw":{"type":"string","description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"nameserver":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"nameservers":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"name":{"type":"string","description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"bridge":{"type":"string","description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"hwaddr":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"mac":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"type":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"parent":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"firewall":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true}}},"firewall":{"additionalProperties":false,"type":"object","properties":{"enabled":{"type":"boolean"},"policy_in":{"anyOf":[{"const":"ACCEPT","type":"string"},{"const":"DROP","type":"string"},{"const":"REJECT","type":"string"}]},"policy_out":{"anyOf":[{"const":"ACCEPT","type":"string"},{"const":"DROP","type":"string"},{"const":"REJECT","type":"string"}]},"rules":{"type":"array","items":{"additionalProperties":false,"type":"object","required":["type","action"],"properties":{"type":{"description":"Direction.","anyOf":[{"const":"in","type":"string"},{"const":"out","type":"string"}]},"action":{"description":"ACCEPT, DROP, REJECT, or a PVE macro such as SSH(ACCEPT).","type":"string"},"source":{"type":"string"},"dest":{"type":"string"},"proto":{"type":"string"},"port":{"description":"Destination port(s).","anyOf":[{"type":"string"},{"type":"integer"}]},"sport":{"anyOf":[{"type":"string"},{"type":"integer"}]},"iface":{"type":"string"},"log":{"type":"string"},"comment":{"type":"string"}}}}}},"traefik_service":{"additionalProperties":false,"type":"object","required":["name","port"],"properties":{"name":{"minLength":1,"description":"Routed as Host(`<name>.<domain>`).","type":"string"},"port":{"minimum":1,"maximum":65535,"description":"Backend port on the guest.","type":"integer"},"scheme":{"description":"Backend scheme: default https for VMs (internal CA), http for LXCs.","anyOf":[{"const":"http","type":"string"},{"const":"https","type":"string"}]}}},"dns_records":{"type":"array","items":{"additionalProperties":false,"type":"object","required":["hostname","ip"],"properties":{"hostname":{"minLength":1,"type":"string"},"ip":{"type":"string"}}}},"features":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"docker_stacks":{"type":"array","items":{"anyOf":[{"minLength":1,"description":"A stack name: `sync.default_environment` when the stack has it, else its only environment.","type":"string"},{"additionalProperties":false,"type":"object","required":["name","environment"],"properties":{"name":{"minLength":1,"type":"string"},"environment":{"minLength":1,"type":"string"}}}]}},"portainer_role":{"anyOf":[{"const":"primary","type":"string"},{"const":"agent","type":"string"},{"const":"none","type":"string"}]},"portainer_environment_name":{"minLength":1,"type":"string"},"portainer_agent_hostname":{"minLength":1,"type":"string"},"is_template":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"clone_from_vmid":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"volumes":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"swarm_role":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"node_labels":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"docker_firewall_rules":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"iptables_rules":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"portainer_config":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"portainer_admin_user":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"portainer_admin_password":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true}}}}}};

function validate1(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.vms === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "vms"},message:"must have required property '"+"vms"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.$schema !== undefined){
if(typeof data.$schema !== "string"){
const err1 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.vms !== undefined){
let data1 = data.vms;
if(Array.isArray(data1)){
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.vmid === undefined){
const err2 = {instancePath:instancePath+"/vms/" + i0,schemaPath:"#/properties/vms/items/required",keyword:"required",params:{missingProperty: "vmid"},message:"must have required property '"+"vmid"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data2.name === undefined){
const err3 = {instancePath:instancePath+"/vms/" + i0,schemaPath:"#/properties/vms/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data2.vmid !== undefined){
let data3 = data2.vmid;
if(!((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3)))){
const err4 = {instancePath:instancePath+"/vms/" + i0+"/vmid",schemaPath:"#/properties/vms/items/properties/vmid/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(typeof data3 == "number"){
if(data3 > 999999999 || isNaN(data3)){
const err5 = {instancePath:instancePath+"/vms/" + i0+"/vmid",schemaPath:"#/properties/vms/items/properties/vmid/maximum",keyword:"maximum",params:{comparison: "<=", limit: 999999999},message:"must be <= 999999999"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data3 < 100 || isNaN(data3)){
const err6 = {instancePath:instancePath+"/vms/" + i0+"/vmid",schemaPath:"#/properties/vms/items/properties/vmid/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
if(data2.name !== undefined){
let data4 = data2.name;
if(typeof data4 === "string"){
if(func0(data4) < 1){
const err7 = {instancePath:instancePath+"/vms/" + i0+"/name",schemaPath:"#/properties/vms/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/vms/" + i0+"/name",schemaPath:"#/properties/vms/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data2.network_config !== undefined){
let data5 = data2.network_config;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.ip !== undefined){
if(typeof data5.ip !== "string"){
const err9 = {instancePath:instancePath+"/vms/" + i0+"/network_config/ip",schemaPath:"#/properties/vms/items/properties/network_config/properties/ip/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data5.gw !== undefined){
if(typeof data5.gw !== "string"){
const err10 = {instancePath:instancePath+"/vms/" + i0+"/network_config/gw",schemaPath:"#/properties/vms/items/properties/network_config/properties/gw/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data5.name !== undefined){
if(typeof data5.name !== "string"){
const err11 = {instancePath:instancePath+"/vms/" + i0+"/network_config/name",schemaPath:"#/properties/vms/items/properties/network_config/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data5.bridge !== undefined){
if(typeof data5.bridge !== "string"){
const err12 = {instancePath:instancePath+"/vms/" + i0+"/network_config/bridge",schemaPath:"#/properties/vms/items/properties/network_config/properties/bridge/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/vms/" + i0+"/network_config",schemaPath:"#/properties/vms/items/properties/network_config/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data2.firewall !== undefined){
let data10 = data2.firewall;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
for(const key0 in data10){
if(!((((key0 === "enabled") || (key0 === "policy_in")) || (key0 === "policy_out")) || (key0 === "rules"))){
const err14 = {instancePath:instancePath+"/vms/" + i0+"/firewall",schemaPath:"#/properties/vms/items/properties/firewall/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data10.enabled !== undefined){
if(typeof data10.enabled !== "boolean"){
const err15 = {instancePath:instancePath+"/vms/" + i0+"/firewall/enabled",schemaPath:"#/properties/vms/items/properties/firewall/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data10.policy_in !== undefined){
let data12 = data10.policy_in;
const _errs30 = errors;
let valid6 = false;
const _errs31 = errors;
if(typeof data12 !== "string"){
const err16 = {instancePath:instancePath+"/vms/" + i0+"/firewall/policy_in",schemaPath:"#/properties/vms/items/properties/firewall/properties/policy_in/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if("ACCEPT" !== data12){
const err17 = {instancePath:instancePath+"/vms/" + i0+"/firewall/policy_in",schemaPath:"#/properties/vms/items/properties/firewall/properties/policy_in/anyOf/0/const",keyword:"const",params:{allowedValue: "ACCEPT"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var _valid0 = _errs31 === errors;
valid6 = valid6 || _valid0;
if(!valid6){
const _errs33 = errors;
if(typeof data12 !== "string"){
const err18 = {instancePath:instancePath+"/vms/" + i0+"/firewall/policy_in",schemaPath:"#/properties/vms/items/properties/firewall/properties/policy_in/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if("DROP" !== data12){
const err19 = {instancePath:instancePath+"/vms/" + i0+"/firewall/policy_in",schemaPath:"#/properties/vms/items/properties/firewall/properties/policy_in/anyOf/1/const",keyword:"const",params:{allowedValue: "DROP"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
var _valid0 = _errs33 === errors;
valid6 = valid6 || _valid0;
if(!valid6){
const _errs35 = errors;
if(typeof data12 !== "string"){
const err20 = {instancePath:instancePath+"/vms/" + i0+"/firewall/policy_in",schemaPath:"#/properties/vms/items/properties/firewall/properties/policy_in/anyOf/2/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if("REJECT" !== data12){
const err21 = {instancePath:instancePath+"/vms/" + i0+"/firewall/policy_in",schemaPath:"#/properties/vms/items/properties/firewall/properties/policy_in/anyOf/2/const",keyword:"const",params:{allowedValue: "REJECT"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
var _valid0 = _errs35 === errors;
valid6 = valid6 || _valid0;
}
}
if(!valid6){
const err22 = {instancePath:instancePath+"/vms/" + i0+"/firewall/policy_in",schemaPath:"#/properties/vms/items/properties/firewall/properties/policy_in/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
else {
errors = _errs30;
if(vErrors !== null){
if(_errs30){
vErrors.length = _errs30;
}
else {
vErrors = null;
}
}
}
}
if(data10.policy_out !== undefined){
let data13 = data10.policy_out;
const _errs38 = errors;
let valid7 = false;
const _errs39 = errors;
if(typeof data13 !== "string"){
const err23 = {instancePath:instancePath+"/vms/" + i0+"/firewall/policy_out",schemaPath:"#/properties/vms/items/properties/firewall/properties/policy_out/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if("ACCEPT" !== data13){
const err24 = {instancePath:instancePath+"/vms/" + i0+"/firewall/policy_out",schemaPath:"#/properties/vms/items/properties/firewall/properties/policy_out/anyOf/0/const",keyword:"const",params:{allowedValue: "ACCEPT"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
var _valid1 = _errs39 === errors;
valid7 = valid7 || _valid1;
if(!valid7){
const _errs41 = errors;
if(typeof data13 !== "string"){
const err25 = {instancePath:instancePath+"/vms/" + i0+"/firewall/policy_out",schemaPath:"#/properties/vms/items/properties/firewall/properties/policy_out/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if("DROP" !== data13){
const err26 = {instancePath:instancePath+"/vms/" + i0+"/firewall/policy_out",schemaPath:"#/properties/vms/items/properties/firewall/properties/policy_out/anyOf/1/const",keyword:"const",params:{allowedValue: "DROP"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
var _valid1 = _errs41 === errors;
valid7 = valid7 || _valid1;
if(!valid7){
const _errs43 = errors;
if(typeof data13 !== "string"){
const err27 = {instancePath:instancePath+"/vms/" + i0+"/firewall/policy_out",schemaPath:"#/properties/vms/items/properties/firewall/properties/policy_out/anyOf/2/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if("REJECT" !== data13){
const err28 = {instancePath:instancePath+"/vms/" + i0+"/firewall/policy_out",schemaPath:"#/properties/vms/items/properties/firewall/properties/policy_out/anyOf/2/const",keyword:"const",params:{allowedValue: "REJECT"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
var _valid1 = _errs43 === errors;
valid7 = valid7 || _valid1;
}
}
if(!valid7){
const err29 = {instancePath:instancePath+"/vms/" + i0+"/firewall/policy_out",schemaPath:"#/properties/vms/items/properties/firewall/properties/policy_out/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
else {
errors = _errs38;
if(vErrors !== null){
if(_errs38){
vErrors.length = _errs38;
}
else {
vErrors = null;
}
}
}
}
if(data10.rules !== undefined){
let data14 = data10.rules;
if(Array.isArray(data14)){
const len1 = data14.length;
for(let i1=0; i1<len1; i1++){
let data15 = data14[i1];
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
if(data15.type === undefined){
const err30 = {instancePath:instancePath+"/vms/" + i0+"/firewall/rules/" + i1,schemaPath:"#/properties/vms/items/properties/firewall/properties/rules/items/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(data15.action === undefined){
const err31 = {instancePath:instancePath+"/vms/" + i0+"/firewall/rules/" + i1,schemaPath:"#/properties/vms/items/properties/firewall/properties/rules/items/required",keyword:"required",params:{missingProperty: "action"},message:"must have required property '"+"action"+"'"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
for(const key1 in data15){
if(!(func3.call(schema1.properties.vms.items.properties.firewall.properties.rules.items.properties, key1))){
const err32 = {instancePath:instancePath+"/vms/" + i0+"/firewall/rules/" + i1,schemaPath:"#/properties/vms/items/properties/firewall/properties/rules/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data15.type !== undefined){
let data16 = data15.type;
const _errs51 = errors;
let valid11 = false;
const _errs52 = errors;
if(typeof data16 !== "string"){
const err33 = {instancePath:instancePath+"/vms/" + i0+"/firewall/rules/" + i1+"/type",schemaPath:"#/properties/vms/items/properties/firewall/properties/rules/items/properties/type/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if("in" !== data16){
const err34 = {instancePath:instancePath+"/vms/" + i0+"/firewall/rules/" + i1+"/type",schemaPath:"#/properties/vms/items/properties/firewall/properties/rules/items/properties/type/anyOf/0/const",keyword:"const",params:{allowedValue: "in"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
var _valid2 = _errs52 === errors;
valid11 = valid11 || _valid2;
if(!valid11){
const _errs54 = errors;
if(typeof data16 !== "string"){
const err35 = {instancePath:instancePath+"/vms/" + i0+"/firewall/rules/" + i1+"/type",schemaPath:"#/properties/vms/items/properties/firewall/properties/rules/items/properties/type/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if("out" !== data16){
const err36 = {instancePath:instancePath+"/vms/" + i0+"/firewall/rules/" + i1+"/type",schemaPath:"#/properties/vms/items/properties/firewall/properties/rules/items/properties/type/anyOf/1/const",keyword:"const",params:{allowedValue: "out"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
var _valid2 = _errs54 === errors;
valid11 = valid11 || _valid2;
}
if(!valid11){
const err37 = {instancePath:instancePath+"/vms/" + i0+"/firewall/rules/" + i1+"/type",schemaPath:"#/properties/vms/items/properties/firewall/properties/rules/items/properties/type/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
else {
errors = _errs51;
if(vErrors !== null){
if(_errs51){
vErrors.length = _errs51;
}
else {
vErrors = null;
}
}
}
}
if(data15.action !== undefined){
if(typeof data15.action !== "string"){
const err38 = {instancePath:instancePath+"/vms/" + i0+"/firewall/rules/" + i1+"/action",schemaPath:"#/properties/vms/items/properties/firewall/properties/rules/items/properties/action/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data15.source !== undefined){
if(typeof data15.source !== "string"){
const err39 = {instancePath:instancePath+"/vms/" + i0+"/firewall/rules/" + i1+"/source",schemaPath:"#/properties/vms/items/properties/firewall/properties/rules/items/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data15.dest !== undefined){
if(typeof data15.dest !== "string"){
const err40 = {instancePath:instancePath+"/vms/" + i0+"/firewall/rules/" + i1+"/dest",schemaPath:"#/properties/vms/items/properties/firewall/properties/rules/items/properties/dest/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data15.proto !== undefined){
if(typeof data15.proto !== "string"){
const err41 = {instancePath:instancePath+"/vms/" + i0+"/firewall/rules/" + i1+"/proto",schemaPath:"#/properties/vms/items/properties/firewall/properties/rules/items/properties/proto/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data15.port !== undefined){
let data21 = data15.port;
const _errs65 = errors;
let valid12 = false;
const _errs66 = errors;
if(typeof data21 !== "string"){
const err42 = {instancePath:instancePath+"/vms/" + i0+"/firewall/rules/" + i1+"/port",schemaPath:"#/properties/vms/items/properties/firewall/properties/rules/items/properties/port/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
var _valid3 = _errs66 === errors;
valid12 = valid12 || _valid3;
if(!valid12){
const _errs68 = errors;
if(!((typeof data21 == "number") && (!(data21 % 1) && !isNaN(data21)))){
const err43 = {instancePath:instancePath+"/vms/" + i0+"/firewall/rules/" + i1+"/port",schemaPath:"#/properties/vms/items/properties/firewall/properties/rules/items/properties/port/anyOf/1/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
var _valid3 = _errs68 === errors;
valid12 = valid12 || _valid3;
}
if(!valid12){
const err44 = {instancePath:instancePath+"/vms/" + i0+"/firewall/rules/" + i1+"/port",schemaPath:"#/properties/vms/items/properties/firewall/properties/rules/items/properties/port/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
else {
errors = _errs65;
if(vErrors !== null){
if(_errs65){
vErrors.length = _errs65;
}
else {
vErrors = null;
}
}
}
}
if(data15.sport !== undefined){
let data22 = data15.sport;
const _errs71 = errors;
let valid13 = false;
const _errs72 = errors;
if(typeof data22 !== "string"){
const err45 = {instancePath:instancePath+"/vms/" + i0+"/firewall/rules/" + i1+"/sport",schemaPath:"#/properties/vms/items/properties/firewall/properties/rules/items/properties/sport/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
var _valid4 = _errs72 === errors;
valid13 = valid13 || _valid4;
if(!valid13){
const _errs74 = errors;
if(!((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22)))){
const err46 = {instancePath:instancePath+"/vms/" + i0+"/firewall/rules/" + i1+"/sport",schemaPath:"#/properties/vms/items/properties/firewall/properties/rules/items/properties/sport/anyOf/1/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
var _valid4 = _errs74 === errors;
valid13 = valid13 || _valid4;
}
if(!valid13){
const err47 = {instancePath:instancePath+"/vms/" + i0+"/firewall/rules/" + i1+"/sport",schemaPath:"#/properties/vms/items/properties/firewall/properties/rules/items/properties/sport/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
else {
errors = _errs71;
if(vErrors !== null){
if(_errs71){
vErrors.length = _errs71;
}
else {
vErrors = null;
}
}
}
}
if(data15.iface !== undefined){
if(typeof data15.iface !== "string"){
const err48 = {instancePath:instancePath+"/vms/" + i0+"/firewall/rules/" + i1+"/iface",schemaPath:"#/properties/vms/items/properties/firewall/properties/rules/items/properties/iface/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data15.log !== undefined){
if(typeof data15.log !== "string"){
const err49 = {instancePath:instancePath+"/vms/" + i0+"/firewall/rules/" + i1+"/log",schemaPath:"#/properties/vms/items/properties/firewall/properties/rules/items/properties/log/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data15.comment !== undefined){
if(typeof data15.comment !== "string"){
const err50 = {instancePath:instancePath+"/vms/" + i0+"/firewall/rules/" + i1+"/comment",schemaPath:"#/properties/vms/items/properties/firewall/properties/rules/items/properties/comment/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
}
else {
const err51 = {instancePath:instancePath+"/vms/" + i0+"/firewall/rules/" + i1,schemaPath:"#/properties/vms/items/properties/firewall/properties/rules/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
}
else {
const err52 = {instancePath:instancePath+"/vms/" + i0+"/firewall/rules",schemaPath:"#/properties/vms/items/properties/firewall/properties/rules/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
}
else {
const err53 = {instancePath:instancePath+"/vms/" + i0+"/firewall",schemaPath:"#/properties/vms/items/properties/firewall/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data2.traefik_service !== undefined){
let data26 = data2.traefik_service;
if(data26 && typeof data26 == "object" && !Array.isArray(data26)){
if(data26.name === undefined){
const err54 = {instancePath:instancePath+"/vms/" + i0+"/traefik_service",schemaPath:"#/properties/vms/items/properties/traefik_service/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
if(data26.port === undefined){
const err55 = {instancePath:instancePath+"/vms/" + i0+"/traefik_service",schemaPath:"#/properties/vms/items/properties/traefik_service/required",keyword:"required",params:{missingProperty: "port"},message:"must have required property '"+"port"+"'"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
for(const key2 in data26){
if(!(((key2 === "name") || (key2 === "port")) || (key2 === "scheme"))){
const err56 = {instancePath:instancePath+"/vms/" + i0+"/traefik_service",schemaPath:"#/properties/vms/items/properties/traefik_service/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data26.name !== undefined){
let data27 = data26.name;
if(typeof data27 === "string"){
if(func0(data27) < 1){
const err57 = {instancePath:instancePath+"/vms/" + i0+"/traefik_service/name",schemaPath:"#/properties/vms/items/properties/traefik_service/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
else {
const err58 = {instancePath:instancePath+"/vms/" + i0+"/traefik_service/name",schemaPath:"#/properties/vms/items/properties/traefik_service/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
if(data26.port !== undefined){
let data28 = data26.port;
if(!((typeof data28 == "number") && (!(data28 % 1) && !isNaN(data28)))){
const err59 = {instancePath:instancePath+"/vms/" + i0+"/traefik_service/port",schemaPath:"#/properties/vms/items/properties/traefik_service/properties/port/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
if(typeof data28 == "number"){
if(data28 > 65535 || isNaN(data28)){
const err60 = {instancePath:instancePath+"/vms/" + i0+"/traefik_service/port",schemaPath:"#/properties/vms/items/properties/traefik_service/properties/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
if(data28 < 1 || isNaN(data28)){
const err61 = {instancePath:instancePath+"/vms/" + i0+"/traefik_service/port",schemaPath:"#/properties/vms/items/properties/traefik_service/properties/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
}
if(data26.scheme !== undefined){
let data29 = data26.scheme;
const _errs90 = errors;
let valid15 = false;
const _errs91 = errors;
if(typeof data29 !== "string"){
const err62 = {instancePath:instancePath+"/vms/" + i0+"/traefik_service/scheme",schemaPath:"#/properties/vms/items/properties/traefik_service/properties/scheme/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
if("http" !== data29){
const err63 = {instancePath:instancePath+"/vms/" + i0+"/traefik_service/scheme",schemaPath:"#/properties/vms/items/properties/traefik_service/properties/scheme/anyOf/0/const",keyword:"const",params:{allowedValue: "http"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
var _valid5 = _errs91 === errors;
valid15 = valid15 || _valid5;
if(!valid15){
const _errs93 = errors;
if(typeof data29 !== "string"){
const err64 = {instancePath:instancePath+"/vms/" + i0+"/traefik_service/scheme",schemaPath:"#/properties/vms/items/properties/traefik_service/properties/scheme/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
if("https" !== data29){
const err65 = {instancePath:instancePath+"/vms/" + i0+"/traefik_service/scheme",schemaPath:"#/properties/vms/items/properties/traefik_service/properties/scheme/anyOf/1/const",keyword:"const",params:{allowedValue: "https"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
var _valid5 = _errs93 === errors;
valid15 = valid15 || _valid5;
}
if(!valid15){
const err66 = {instancePath:instancePath+"/vms/" + i0+"/traefik_service/scheme",schemaPath:"#/properties/vms/items/properties/traefik_service/properties/scheme/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
else {
errors = _errs90;
if(vErrors !== null){
if(_errs90){
vErrors.length = _errs90;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err67 = {instancePath:instancePath+"/vms/" + i0+"/traefik_service",schemaPath:"#/properties/vms/items/properties/traefik_service/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
if(data2.dns_records !== undefined){
let data30 = data2.dns_records;
if(Array.isArray(data30)){
const len2 = data30.length;
for(let i2=0; i2<len2; i2++){
let data31 = data30[i2];
if(data31 && typeof data31 == "object" && !Array.isArray(data31)){
if(data31.hostname === undefined){
const err68 = {instancePath:instancePath+"/vms/" + i0+"/dns_records/" + i2,schemaPath:"#/properties/vms/items/properties/dns_records/items/required",keyword:"required",params:{missingProperty: "hostname"},message:"must have required property '"+"hostname"+"'"};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
if(data31.ip === undefined){
const err69 = {instancePath:instancePath+"/vms/" + i0+"/dns_records/" + i2,schemaPath:"#/properties/vms/items/properties/dns_records/items/required",keyword:"required",params:{missingProperty: "ip"},message:"must have required property '"+"ip"+"'"};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
for(const key3 in data31){
if(!((key3 === "hostname") || (key3 === "ip"))){
const err70 = {instancePath:instancePath+"/vms/" + i0+"/dns_records/" + i2,schemaPath:"#/properties/vms/items/properties/dns_records/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
if(data31.hostname !== undefined){
let data32 = data31.hostname;
if(typeof data32 === "string"){
if(func0(data32) < 1){
const err71 = {instancePath:instancePath+"/vms/" + i0+"/dns_records/" + i2+"/hostname",schemaPath:"#/properties/vms/items/properties/dns_records/items/properties/hostname/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
else {
const err72 = {instancePath:instancePath+"/vms/" + i0+"/dns_records/" + i2+"/hostname",schemaPath:"#/properties/vms/items/properties/dns_records/items/properties/hostname/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
if(data31.ip !== undefined){
if(typeof data31.ip !== "string"){
const err73 = {instancePath:instancePath+"/vms/" + i0+"/dns_records/" + i2+"/ip",schemaPath:"#/properties/vms/items/properties/dns_records/items/properties/ip/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
}
else {
const err74 = {instancePath:instancePath+"/vms/" + i0+"/dns_records/" + i2,schemaPath:"#/properties/vms/items/properties/dns_records/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
}
else {
const err75 = {instancePath:instancePath+"/vms/" + i0+"/dns_records",schemaPath:"#/properties/vms/items/properties/dns_records/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
if(data2.docker_stacks !== undefined){
let data34 = data2.docker_stacks;
if(Array.isArray(data34)){
const len3 = data34.length;
for(let i3=0; i3<len3; i3++){
let data35 = data34[i3];
const _errs107 = errors;
let valid21 = false;
const _errs108 = errors;
if(typeof data35 === "string"){
if(func0(data35) < 1){
const err76 = {instancePath:instancePath+"/vms/" + i0+"/docker_stacks/" + i3,schemaPath:"#/properties/vms/items/properties/docker_stacks/items/anyOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
else {
const err77 = {instancePath:instancePath+"/vms/" + i0+"/docker_stacks/" + i3,schemaPath:"#/properties/vms/items/properties/docker_stacks/items/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
var _valid6 = _errs108 === errors;
valid21 = valid21 || _valid6;
if(!valid21){
const _errs110 = errors;
if(data35 && typeof data35 == "object" && !Array.isArray(data35)){
if(data35.name === undefined){
const err78 = {instancePath:instancePath+"/vms/" + i0+"/docker_stacks/" + i3,schemaPath:"#/properties/vms/items/properties/docker_stacks/items/anyOf/1/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
if(data35.environment === undefined){
const err79 = {instancePath:instancePath+"/vms/" + i0+"/docker_stacks/" + i3,schemaPath:"#/properties/vms/items/properties/docker_stacks/items/anyOf/1/required",keyword:"required",params:{missingProperty: "environment"},message:"must have required property '"+"environment"+"'"};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
for(const key4 in data35){
if(!((key4 === "name") || (key4 === "environment"))){
const err80 = {instancePath:instancePath+"/vms/" + i0+"/docker_stacks/" + i3,schemaPath:"#/properties/vms/items/properties/docker_stacks/items/anyOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
if(data35.name !== undefined){
let data36 = data35.name;
if(typeof data36 === "string"){
if(func0(data36) < 1){
const err81 = {instancePath:instancePath+"/vms/" + i0+"/docker_stacks/" + i3+"/name",schemaPath:"#/properties/vms/items/properties/docker_stacks/items/anyOf/1/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
else {
const err82 = {instancePath:instancePath+"/vms/" + i0+"/docker_stacks/" + i3+"/name",schemaPath:"#/properties/vms/items/properties/docker_stacks/items/anyOf/1/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
if(data35.environment !== undefined){
let data37 = data35.environment;
if(typeof data37 === "string"){
if(func0(data37) < 1){
const err83 = {instancePath:instancePath+"/vms/" + i0+"/docker_stacks/" + i3+"/environment",schemaPath:"#/properties/vms/items/properties/docker_stacks/items/anyOf/1/properties/environment/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
else {
const err84 = {instancePath:instancePath+"/vms/" + i0+"/docker_stacks/" + i3+"/environment",schemaPath:"#/properties/vms/items/properties/docker_stacks/items/anyOf/1/properties/environment/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
}
else {
const err85 = {instancePath:instancePath+"/vms/" + i0+"/docker_stacks/" + i3,schemaPath:"#/properties/vms/items/properties/docker_stacks/items/anyOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
var _valid6 = _errs110 === errors;
valid21 = valid21 || _valid6;
}
if(!valid21){
const err86 = {instancePath:instancePath+"/vms/" + i0+"/docker_stacks/" + i3,schemaPath:"#/properties/vms/items/properties/docker_stacks/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
else {
errors = _errs107;
if(vErrors !== null){
if(_errs107){
vErrors.length = _errs107;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err87 = {instancePath:instancePath+"/vms/" + i0+"/docker_stacks",schemaPath:"#/properties/vms/items/properties/docker_stacks/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
if(data2.portainer_role !== undefined){
let data38 = data2.portainer_role;
const _errs118 = errors;
let valid23 = false;
const _errs119 = errors;
if(typeof data38 !== "string"){
const err88 = {instancePath:instancePath+"/vms/" + i0+"/portainer_role",schemaPath:"#/properties/vms/items/properties/portainer_role/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
if("primary" !== data38){
const err89 = {instancePath:instancePath+"/vms/" + i0+"/portainer_role",schemaPath:"#/properties/vms/items/properties/portainer_role/anyOf/0/const",keyword:"const",params:{allowedValue: "primary"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
var _valid7 = _errs119 === errors;
valid23 = valid23 || _valid7;
if(!valid23){
const _errs121 = errors;
if(typeof data38 !== "string"){
const err90 = {instancePath:instancePath+"/vms/" + i0+"/portainer_role",schemaPath:"#/properties/vms/items/properties/portainer_role/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
if("agent" !== data38){
const err91 = {instancePath:instancePath+"/vms/" + i0+"/portainer_role",schemaPath:"#/properties/vms/items/properties/portainer_role/anyOf/1/const",keyword:"const",params:{allowedValue: "agent"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
var _valid7 = _errs121 === errors;
valid23 = valid23 || _valid7;
if(!valid23){
const _errs123 = errors;
if(typeof data38 !== "string"){
const err92 = {instancePath:instancePath+"/vms/" + i0+"/portainer_role",schemaPath:"#/properties/vms/items/properties/portainer_role/anyOf/2/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
if("none" !== data38){
const err93 = {instancePath:instancePath+"/vms/" + i0+"/portainer_role",schemaPath:"#/properties/vms/items/properties/portainer_role/anyOf/2/const",keyword:"const",params:{allowedValue: "none"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
var _valid7 = _errs123 === errors;
valid23 = valid23 || _valid7;
}
}
if(!valid23){
const err94 = {instancePath:instancePath+"/vms/" + i0+"/portainer_role",schemaPath:"#/properties/vms/items/properties/portainer_role/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
else {
errors = _errs118;
if(vErrors !== null){
if(_errs118){
vErrors.length = _errs118;
}
else {
vErrors = null;
}
}
}
}
if(data2.portainer_environment_name !== undefined){
let data39 = data2.portainer_environment_name;
if(typeof data39 === "string"){
if(func0(data39) < 1){
const err95 = {instancePath:instancePath+"/vms/" + i0+"/portainer_environment_name",schemaPath:"#/properties/vms/items/properties/portainer_environment_name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
else {
const err96 = {instancePath:instancePath+"/vms/" + i0+"/portainer_environment_name",schemaPath:"#/properties/vms/items/properties/portainer_environment_name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
if(data2.portainer_agent_hostname !== undefined){
let data40 = data2.portainer_agent_hostname;
if(typeof data40 === "string"){
if(func0(data40) < 1){
const err97 = {instancePath:instancePath+"/vms/" + i0+"/portainer_agent_hostname",schemaPath:"#/properties/vms/items/properties/portainer_agent_hostname/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
else {
const err98 = {instancePath:instancePath+"/vms/" + i0+"/portainer_agent_hostname",schemaPath:"#/properties/vms/items/properties/portainer_agent_hostname/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
}
else {
const err99 = {instancePath:instancePath+"/vms/" + i0,schemaPath:"#/properties/vms/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
}
else {
const err100 = {instancePath:instancePath+"/vms",schemaPath:"#/properties/vms/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
}
else {
const err101 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
validate1.errors = vErrors;
return errors === 0;
}

export const LxcConfigSchema = validate2;
const schema2 = {"additionalProperties":true,"type":"object","required":["lxc_configs"],"properties":{"$schema":{"type":"string"},"lxc_configs":{"type":"object","patternProperties":{"^[0-9]+$":{"additionalProperties":true,"type":"object","required":["name"],"properties":{"name":{"minLength":1,"type":"string"},"network_config":{"additionalProperties":true,"type":"object","properties":{"ip":{"description":"`dhcp` or a static address with prefix, e.g. 10.0.0.102/24.","type":"string"},"gw":{"type":"string","description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"nameserver":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"nameservers":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"name":{"type":"string","description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"bridge":{"type":"string","description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"hwaddr":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"mac":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"type":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"parent":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"firewall":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true}}},"firewall":{"additionalProperties":false,"type":"object","properties":{"enabled":{"type":"boolean"},"policy_in":{"anyOf":[{"const":"ACCEPT","type":"string"},{"const":"DROP","type":"string"},{"const":"REJECT","type":"string"}]},"policy_out":{"anyOf":[{"const":"ACCEPT","type":"string"},{"const":"DROP","type":"string"},{"const":"REJECT","type":"string"}]},"rules":{"type":"array","items":{"additionalProperties":false,"type":"object","required":["type","action"],"properties":{"type":{"description":"Direction.","anyOf":[{"const":"in","type":"string"},{"const":"out","type":"string"}]},"action":{"description":"ACCEPT, DROP, REJECT, or a PVE macro such as SSH(ACCEPT).","type":"string"},"source":{"type":"string"},"dest":{"type":"string"},"proto":{"type":"string"},"port":{"description":"Destination port(s).","anyOf":[{"type":"string"},{"type":"integer"}]},"sport":{"anyOf":[{"type":"string"},{"type":"integer"}]},"iface":{"type":"string"},"log":{"type":"string"},"comment":{"type":"string"}}}}}},"traefik_service":{"additionalProperties":false,"type":"object","required":["name","port"],"properties":{"name":{"minLength":1,"description":"Routed as Host(`<name>.<domain>`).","type":"string"},"port":{"minimum":1,"maximum":65535,"description":"Backend port on the guest.","type":"integer"},"scheme":{"description":"Backend scheme: default https for VMs (internal CA), http for LXCs.","anyOf":[{"const":"http","type":"string"},{"const":"https","type":"string"}]}}},"dns_records":{"type":"array","items":{"additionalProperties":false,"type":"object","required":["hostname","ip"],"properties":{"hostname":{"minLength":1,"type":"string"},"ip":{"type":"string"}}}},"features":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"secondary_network_config":{"additionalProperties":true,"type":"object","properties":{"ip":{"description":"Used as the guest address when network_config.ip is `dhcp`.","type":"string"},"name":{"type":"string","description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"bridge":{"type":"string","description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"gw":{"type":"string","description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"hwaddr":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true}}},"public_interface":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"portainer_role":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true},"mac_address":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true}}}}}}};

function validate2(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.lxc_configs === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "lxc_configs"},message:"must have required property '"+"lxc_configs"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.$schema !== undefined){
if(typeof data.$schema !== "string"){
const err1 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.lxc_configs !== undefined){
let data1 = data.lxc_configs;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key0 in data1){
if(pattern1.test(key0)){
let data2 = data1[key0];
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.name === undefined){
const err2 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data2.name !== undefined){
let data3 = data2.name;
if(typeof data3 === "string"){
if(func0(data3) < 1){
const err3 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/name",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/name",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data2.network_config !== undefined){
let data4 = data2.network_config;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.ip !== undefined){
if(typeof data4.ip !== "string"){
const err5 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/network_config/ip",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/network_config/properties/ip/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data4.gw !== undefined){
if(typeof data4.gw !== "string"){
const err6 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/network_config/gw",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/network_config/properties/gw/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data4.name !== undefined){
if(typeof data4.name !== "string"){
const err7 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/network_config/name",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/network_config/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data4.bridge !== undefined){
if(typeof data4.bridge !== "string"){
const err8 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/network_config/bridge",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/network_config/properties/bridge/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/network_config",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/network_config/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data2.firewall !== undefined){
let data9 = data2.firewall;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
for(const key1 in data9){
if(!((((key1 === "enabled") || (key1 === "policy_in")) || (key1 === "policy_out")) || (key1 === "rules"))){
const err10 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data9.enabled !== undefined){
if(typeof data9.enabled !== "boolean"){
const err11 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/enabled",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data9.policy_in !== undefined){
let data11 = data9.policy_in;
const _errs28 = errors;
let valid5 = false;
const _errs29 = errors;
if(typeof data11 !== "string"){
const err12 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/policy_in",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/policy_in/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if("ACCEPT" !== data11){
const err13 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/policy_in",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/policy_in/anyOf/0/const",keyword:"const",params:{allowedValue: "ACCEPT"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
var _valid0 = _errs29 === errors;
valid5 = valid5 || _valid0;
if(!valid5){
const _errs31 = errors;
if(typeof data11 !== "string"){
const err14 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/policy_in",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/policy_in/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if("DROP" !== data11){
const err15 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/policy_in",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/policy_in/anyOf/1/const",keyword:"const",params:{allowedValue: "DROP"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
var _valid0 = _errs31 === errors;
valid5 = valid5 || _valid0;
if(!valid5){
const _errs33 = errors;
if(typeof data11 !== "string"){
const err16 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/policy_in",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/policy_in/anyOf/2/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if("REJECT" !== data11){
const err17 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/policy_in",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/policy_in/anyOf/2/const",keyword:"const",params:{allowedValue: "REJECT"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var _valid0 = _errs33 === errors;
valid5 = valid5 || _valid0;
}
}
if(!valid5){
const err18 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/policy_in",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/policy_in/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
else {
errors = _errs28;
if(vErrors !== null){
if(_errs28){
vErrors.length = _errs28;
}
else {
vErrors = null;
}
}
}
}
if(data9.policy_out !== undefined){
let data12 = data9.policy_out;
const _errs36 = errors;
let valid6 = false;
const _errs37 = errors;
if(typeof data12 !== "string"){
const err19 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/policy_out",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/policy_out/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if("ACCEPT" !== data12){
const err20 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/policy_out",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/policy_out/anyOf/0/const",keyword:"const",params:{allowedValue: "ACCEPT"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
var _valid1 = _errs37 === errors;
valid6 = valid6 || _valid1;
if(!valid6){
const _errs39 = errors;
if(typeof data12 !== "string"){
const err21 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/policy_out",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/policy_out/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if("DROP" !== data12){
const err22 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/policy_out",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/policy_out/anyOf/1/const",keyword:"const",params:{allowedValue: "DROP"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
var _valid1 = _errs39 === errors;
valid6 = valid6 || _valid1;
if(!valid6){
const _errs41 = errors;
if(typeof data12 !== "string"){
const err23 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/policy_out",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/policy_out/anyOf/2/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if("REJECT" !== data12){
const err24 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/policy_out",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/policy_out/anyOf/2/const",keyword:"const",params:{allowedValue: "REJECT"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
var _valid1 = _errs41 === errors;
valid6 = valid6 || _valid1;
}
}
if(!valid6){
const err25 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/policy_out",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/policy_out/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
else {
errors = _errs36;
if(vErrors !== null){
if(_errs36){
vErrors.length = _errs36;
}
else {
vErrors = null;
}
}
}
}
if(data9.rules !== undefined){
let data13 = data9.rules;
if(Array.isArray(data13)){
const len0 = data13.length;
for(let i0=0; i0<len0; i0++){
let data14 = data13[i0];
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(data14.type === undefined){
const err26 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/rules/" + i0,schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/rules/items/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(data14.action === undefined){
const err27 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/rules/" + i0,schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/rules/items/required",keyword:"required",params:{missingProperty: "action"},message:"must have required property '"+"action"+"'"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
for(const key2 in data14){
if(!(func3.call(schema2.properties.lxc_configs.patternProperties["^[0-9]+$"].properties.firewall.properties.rules.items.properties, key2))){
const err28 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/rules/" + i0,schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/rules/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data14.type !== undefined){
let data15 = data14.type;
const _errs49 = errors;
let valid10 = false;
const _errs50 = errors;
if(typeof data15 !== "string"){
const err29 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/rules/" + i0+"/type",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/rules/items/properties/type/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if("in" !== data15){
const err30 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/rules/" + i0+"/type",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/rules/items/properties/type/anyOf/0/const",keyword:"const",params:{allowedValue: "in"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
var _valid2 = _errs50 === errors;
valid10 = valid10 || _valid2;
if(!valid10){
const _errs52 = errors;
if(typeof data15 !== "string"){
const err31 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/rules/" + i0+"/type",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/rules/items/properties/type/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if("out" !== data15){
const err32 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/rules/" + i0+"/type",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/rules/items/properties/type/anyOf/1/const",keyword:"const",params:{allowedValue: "out"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
var _valid2 = _errs52 === errors;
valid10 = valid10 || _valid2;
}
if(!valid10){
const err33 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/rules/" + i0+"/type",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/rules/items/properties/type/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
else {
errors = _errs49;
if(vErrors !== null){
if(_errs49){
vErrors.length = _errs49;
}
else {
vErrors = null;
}
}
}
}
if(data14.action !== undefined){
if(typeof data14.action !== "string"){
const err34 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/rules/" + i0+"/action",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/rules/items/properties/action/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data14.source !== undefined){
if(typeof data14.source !== "string"){
const err35 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/rules/" + i0+"/source",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/rules/items/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data14.dest !== undefined){
if(typeof data14.dest !== "string"){
const err36 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/rules/" + i0+"/dest",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/rules/items/properties/dest/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data14.proto !== undefined){
if(typeof data14.proto !== "string"){
const err37 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/rules/" + i0+"/proto",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/rules/items/properties/proto/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data14.port !== undefined){
let data20 = data14.port;
const _errs63 = errors;
let valid11 = false;
const _errs64 = errors;
if(typeof data20 !== "string"){
const err38 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/rules/" + i0+"/port",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/rules/items/properties/port/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
var _valid3 = _errs64 === errors;
valid11 = valid11 || _valid3;
if(!valid11){
const _errs66 = errors;
if(!((typeof data20 == "number") && (!(data20 % 1) && !isNaN(data20)))){
const err39 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/rules/" + i0+"/port",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/rules/items/properties/port/anyOf/1/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
var _valid3 = _errs66 === errors;
valid11 = valid11 || _valid3;
}
if(!valid11){
const err40 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/rules/" + i0+"/port",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/rules/items/properties/port/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
else {
errors = _errs63;
if(vErrors !== null){
if(_errs63){
vErrors.length = _errs63;
}
else {
vErrors = null;
}
}
}
}
if(data14.sport !== undefined){
let data21 = data14.sport;
const _errs69 = errors;
let valid12 = false;
const _errs70 = errors;
if(typeof data21 !== "string"){
const err41 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/rules/" + i0+"/sport",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/rules/items/properties/sport/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
var _valid4 = _errs70 === errors;
valid12 = valid12 || _valid4;
if(!valid12){
const _errs72 = errors;
if(!((typeof data21 == "number") && (!(data21 % 1) && !isNaN(data21)))){
const err42 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/rules/" + i0+"/sport",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/rules/items/properties/sport/anyOf/1/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
var _valid4 = _errs72 === errors;
valid12 = valid12 || _valid4;
}
if(!valid12){
const err43 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/rules/" + i0+"/sport",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/rules/items/properties/sport/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
else {
errors = _errs69;
if(vErrors !== null){
if(_errs69){
vErrors.length = _errs69;
}
else {
vErrors = null;
}
}
}
}
if(data14.iface !== undefined){
if(typeof data14.iface !== "string"){
const err44 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/rules/" + i0+"/iface",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/rules/items/properties/iface/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data14.log !== undefined){
if(typeof data14.log !== "string"){
const err45 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/rules/" + i0+"/log",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/rules/items/properties/log/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data14.comment !== undefined){
if(typeof data14.comment !== "string"){
const err46 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/rules/" + i0+"/comment",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/rules/items/properties/comment/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
}
else {
const err47 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/rules/" + i0,schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/rules/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
else {
const err48 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall/rules",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/properties/rules/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
}
else {
const err49 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/firewall/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data2.traefik_service !== undefined){
let data25 = data2.traefik_service;
if(data25 && typeof data25 == "object" && !Array.isArray(data25)){
if(data25.name === undefined){
const err50 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/traefik_service",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/traefik_service/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
if(data25.port === undefined){
const err51 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/traefik_service",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/traefik_service/required",keyword:"required",params:{missingProperty: "port"},message:"must have required property '"+"port"+"'"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
for(const key3 in data25){
if(!(((key3 === "name") || (key3 === "port")) || (key3 === "scheme"))){
const err52 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/traefik_service",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/traefik_service/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data25.name !== undefined){
let data26 = data25.name;
if(typeof data26 === "string"){
if(func0(data26) < 1){
const err53 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/traefik_service/name",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/traefik_service/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
else {
const err54 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/traefik_service/name",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/traefik_service/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data25.port !== undefined){
let data27 = data25.port;
if(!((typeof data27 == "number") && (!(data27 % 1) && !isNaN(data27)))){
const err55 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/traefik_service/port",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/traefik_service/properties/port/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
if(typeof data27 == "number"){
if(data27 > 65535 || isNaN(data27)){
const err56 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/traefik_service/port",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/traefik_service/properties/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
if(data27 < 1 || isNaN(data27)){
const err57 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/traefik_service/port",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/traefik_service/properties/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
}
if(data25.scheme !== undefined){
let data28 = data25.scheme;
const _errs88 = errors;
let valid14 = false;
const _errs89 = errors;
if(typeof data28 !== "string"){
const err58 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/traefik_service/scheme",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/traefik_service/properties/scheme/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
if("http" !== data28){
const err59 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/traefik_service/scheme",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/traefik_service/properties/scheme/anyOf/0/const",keyword:"const",params:{allowedValue: "http"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
var _valid5 = _errs89 === errors;
valid14 = valid14 || _valid5;
if(!valid14){
const _errs91 = errors;
if(typeof data28 !== "string"){
const err60 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/traefik_service/scheme",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/traefik_service/properties/scheme/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
if("https" !== data28){
const err61 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/traefik_service/scheme",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/traefik_service/properties/scheme/anyOf/1/const",keyword:"const",params:{allowedValue: "https"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
var _valid5 = _errs91 === errors;
valid14 = valid14 || _valid5;
}
if(!valid14){
const err62 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/traefik_service/scheme",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/traefik_service/properties/scheme/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
else {
errors = _errs88;
if(vErrors !== null){
if(_errs88){
vErrors.length = _errs88;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err63 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/traefik_service",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/traefik_service/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data2.dns_records !== undefined){
let data29 = data2.dns_records;
if(Array.isArray(data29)){
const len1 = data29.length;
for(let i1=0; i1<len1; i1++){
let data30 = data29[i1];
if(data30 && typeof data30 == "object" && !Array.isArray(data30)){
if(data30.hostname === undefined){
const err64 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/dns_records/" + i1,schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/dns_records/items/required",keyword:"required",params:{missingProperty: "hostname"},message:"must have required property '"+"hostname"+"'"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
if(data30.ip === undefined){
const err65 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/dns_records/" + i1,schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/dns_records/items/required",keyword:"required",params:{missingProperty: "ip"},message:"must have required property '"+"ip"+"'"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
for(const key4 in data30){
if(!((key4 === "hostname") || (key4 === "ip"))){
const err66 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/dns_records/" + i1,schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/dns_records/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
if(data30.hostname !== undefined){
let data31 = data30.hostname;
if(typeof data31 === "string"){
if(func0(data31) < 1){
const err67 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/dns_records/" + i1+"/hostname",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/dns_records/items/properties/hostname/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
else {
const err68 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/dns_records/" + i1+"/hostname",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/dns_records/items/properties/hostname/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
if(data30.ip !== undefined){
if(typeof data30.ip !== "string"){
const err69 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/dns_records/" + i1+"/ip",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/dns_records/items/properties/ip/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
}
else {
const err70 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/dns_records/" + i1,schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/dns_records/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
}
else {
const err71 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/dns_records",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/dns_records/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
if(data2.secondary_network_config !== undefined){
let data33 = data2.secondary_network_config;
if(data33 && typeof data33 == "object" && !Array.isArray(data33)){
if(data33.ip !== undefined){
if(typeof data33.ip !== "string"){
const err72 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/secondary_network_config/ip",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/secondary_network_config/properties/ip/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
if(data33.name !== undefined){
if(typeof data33.name !== "string"){
const err73 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/secondary_network_config/name",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/secondary_network_config/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
if(data33.bridge !== undefined){
if(typeof data33.bridge !== "string"){
const err74 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/secondary_network_config/bridge",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/secondary_network_config/properties/bridge/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
if(data33.gw !== undefined){
if(typeof data33.gw !== "string"){
const err75 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/secondary_network_config/gw",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/secondary_network_config/properties/gw/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
}
else {
const err76 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/secondary_network_config",schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/properties/secondary_network_config/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
}
else {
const err77 = {instancePath:instancePath+"/lxc_configs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/lxc_configs/patternProperties/%5E%5B0-9%5D%2B%24/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
}
}
else {
const err78 = {instancePath:instancePath+"/lxc_configs",schemaPath:"#/properties/lxc_configs/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
}
else {
const err79 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
validate2.errors = vErrors;
return errors === 0;
}

export const StacksConfigSchema = validate3;
const schema3 = {"additionalProperties":true,"description":"Stack manifests kept in one file (newer revisions of the original).","type":"object","required":["docker_stacks"],"properties":{"$schema":{"type":"string"},"docker_stacks":{"type":"object","patternProperties":{"^(.*)$":{"additionalProperties":false,"type":"object","required":["compose_file_path"],"properties":{"description":{"type":"string"},"environments":{"description":"Absent: the stack deploys as plain compose in any environment.","type":"object","patternProperties":{"^(.*)$":{"additionalProperties":false,"type":"object","properties":{"variables":{"type":"array","items":{"additionalProperties":false,"type":"object","required":["name","value"],"properties":{"name":{"pattern":"^[A-Za-z_][A-Za-z0-9_]*$","type":"string"},"value":{"description":"A value, or a secret reference: `env:NAME`, `file:PATH`, `age:PATH` or `sops:PATH#KEY` (a reference is redacted like a `secret` value).","type":"string"},"secret":{"description":"Redact this value in every output.","type":"boolean"}}}},"files":{"type":"array","items":{"additionalProperties":false,"type":"object","required":["source","destination_in_container"],"properties":{"source":{"minLength":1,"description":"Relative to the stack folder; must stay inside it.","type":"string"},"destination_in_container":{"pattern":"^/","type":"string"},"service":{"description":"Only this service; default every service.","type":"string"}}}},"services":{"type":"object","patternProperties":{"^(.*)$":{"additionalProperties":false,"type":"object","required":["traefik_labels"],"properties":{"traefik_labels":{"type":"array","items":{"type":"string"}}}}}},"firewall_rules":{"type":"array","items":{"additionalProperties":false,"type":"object","required":["type","action"],"properties":{"type":{"description":"Direction.","anyOf":[{"const":"in","type":"string"},{"const":"out","type":"string"}]},"action":{"description":"ACCEPT, DROP, REJECT, or a PVE macro such as SSH(ACCEPT).","type":"string"},"source":{"type":"string"},"dest":{"type":"string"},"proto":{"type":"string"},"port":{"description":"Destination port(s).","anyOf":[{"type":"string"},{"type":"integer"}]},"sport":{"anyOf":[{"type":"string"},{"type":"integer"}]},"iface":{"type":"string"},"log":{"type":"string"},"comment":{"type":"string"}}}},"placement_constraints":{"description":"Swarm placement constraints (`node.labels.gpu == true`) for every service; ignored, with a note, for standalone deployments.","type":"array","items":{"minLength":1,"type":"string"}}}}}},"placement_constraints":{"description":"Swarm placement constraints (`node.labels.gpu == true`) for every service; ignored, with a note, for standalone deployments.","type":"array","items":{"minLength":1,"type":"string"}},"compose_file_path":{"minLength":1,"description":"Relative to the root's stacks/ folder (or absolute inside the root).","type":"string"},"nginx_proxy":{"description":"Read by provisioning scripts; Phoenix ignores it.","x-phoenix-ignored":true}}}}}}};
const pattern6 = new RegExp("^(.*)$", "u");
const pattern8 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*$", "u");
const pattern9 = new RegExp("^/", "u");

function validate3(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.docker_stacks === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "docker_stacks"},message:"must have required property '"+"docker_stacks"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.$schema !== undefined){
if(typeof data.$schema !== "string"){
const err1 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.docker_stacks !== undefined){
let data1 = data.docker_stacks;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key0 in data1){
if(pattern6.test(key0)){
let data2 = data1[key0];
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.compose_file_path === undefined){
const err2 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/required",keyword:"required",params:{missingProperty: "compose_file_path"},message:"must have required property '"+"compose_file_path"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key1 in data2){
if(!(((((key1 === "description") || (key1 === "environments")) || (key1 === "placement_constraints")) || (key1 === "compose_file_path")) || (key1 === "nginx_proxy"))){
const err3 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data2.description !== undefined){
if(typeof data2.description !== "string"){
const err4 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/description",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data2.environments !== undefined){
let data4 = data2.environments;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
for(const key2 in data4){
if(pattern6.test(key2)){
let data5 = data4[key2];
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
for(const key3 in data5){
if(!(((((key3 === "variables") || (key3 === "files")) || (key3 === "services")) || (key3 === "firewall_rules")) || (key3 === "placement_constraints"))){
const err5 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data5.variables !== undefined){
let data6 = data5.variables;
if(Array.isArray(data6)){
const len0 = data6.length;
for(let i0=0; i0<len0; i0++){
let data7 = data6[i0];
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.name === undefined){
const err6 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/variables/" + i0,schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/variables/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data7.value === undefined){
const err7 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/variables/" + i0,schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/variables/items/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
for(const key4 in data7){
if(!(((key4 === "name") || (key4 === "value")) || (key4 === "secret"))){
const err8 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/variables/" + i0,schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/variables/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data7.name !== undefined){
let data8 = data7.name;
if(typeof data8 === "string"){
if(!pattern8.test(data8)){
const err9 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/variables/" + i0+"/name",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/variables/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\""};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/variables/" + i0+"/name",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/variables/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data7.value !== undefined){
if(typeof data7.value !== "string"){
const err11 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/variables/" + i0+"/value",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/variables/items/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data7.secret !== undefined){
if(typeof data7.secret !== "boolean"){
const err12 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/variables/" + i0+"/secret",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/variables/items/properties/secret/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/variables/" + i0,schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/variables/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/variables",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/variables/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data5.files !== undefined){
let data11 = data5.files;
if(Array.isArray(data11)){
const len1 = data11.length;
for(let i1=0; i1<len1; i1++){
let data12 = data11[i1];
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
if(data12.source === undefined){
const err15 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/files/" + i1,schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/files/items/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data12.destination_in_container === undefined){
const err16 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/files/" + i1,schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/files/items/required",keyword:"required",params:{missingProperty: "destination_in_container"},message:"must have required property '"+"destination_in_container"+"'"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
for(const key5 in data12){
if(!(((key5 === "source") || (key5 === "destination_in_container")) || (key5 === "service"))){
const err17 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/files/" + i1,schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/files/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data12.source !== undefined){
let data13 = data12.source;
if(typeof data13 === "string"){
if(func0(data13) < 1){
const err18 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/files/" + i1+"/source",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/files/items/properties/source/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/files/" + i1+"/source",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/files/items/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data12.destination_in_container !== undefined){
let data14 = data12.destination_in_container;
if(typeof data14 === "string"){
if(!pattern9.test(data14)){
const err20 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/files/" + i1+"/destination_in_container",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/files/items/properties/destination_in_container/pattern",keyword:"pattern",params:{pattern: "^/"},message:"must match pattern \""+"^/"+"\""};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/files/" + i1+"/destination_in_container",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/files/items/properties/destination_in_container/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data12.service !== undefined){
if(typeof data12.service !== "string"){
const err22 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/files/" + i1+"/service",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/files/items/properties/service/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/files/" + i1,schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/files/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/files",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/files/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data5.services !== undefined){
let data16 = data5.services;
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
for(const key6 in data16){
if(pattern6.test(key6)){
let data17 = data16[key6];
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
if(data17.traefik_labels === undefined){
const err25 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/services/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/services/patternProperties/%5E(.*)%24/required",keyword:"required",params:{missingProperty: "traefik_labels"},message:"must have required property '"+"traefik_labels"+"'"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
for(const key7 in data17){
if(!(key7 === "traefik_labels")){
const err26 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/services/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/services/patternProperties/%5E(.*)%24/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data17.traefik_labels !== undefined){
let data18 = data17.traefik_labels;
if(Array.isArray(data18)){
const len2 = data18.length;
for(let i2=0; i2<len2; i2++){
if(typeof data18[i2] !== "string"){
const err27 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/services/" + key6.replace(/~/g, "~0").replace(/\//g, "~1")+"/traefik_labels/" + i2,schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/services/patternProperties/%5E(.*)%24/properties/traefik_labels/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/services/" + key6.replace(/~/g, "~0").replace(/\//g, "~1")+"/traefik_labels",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/services/patternProperties/%5E(.*)%24/properties/traefik_labels/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
else {
const err29 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/services/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/services/patternProperties/%5E(.*)%24/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
}
else {
const err30 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/services",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/services/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data5.firewall_rules !== undefined){
let data20 = data5.firewall_rules;
if(Array.isArray(data20)){
const len3 = data20.length;
for(let i3=0; i3<len3; i3++){
let data21 = data20[i3];
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
if(data21.type === undefined){
const err31 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3,schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(data21.action === undefined){
const err32 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3,schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/required",keyword:"required",params:{missingProperty: "action"},message:"must have required property '"+"action"+"'"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
for(const key8 in data21){
if(!(func3.call(schema3.properties.docker_stacks.patternProperties["^(.*)$"].properties.environments.patternProperties["^(.*)$"].properties.firewall_rules.items.properties, key8))){
const err33 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3,schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data21.type !== undefined){
let data22 = data21.type;
const _errs53 = errors;
let valid18 = false;
const _errs54 = errors;
if(typeof data22 !== "string"){
const err34 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/type",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/type/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if("in" !== data22){
const err35 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/type",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/type/anyOf/0/const",keyword:"const",params:{allowedValue: "in"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
var _valid0 = _errs54 === errors;
valid18 = valid18 || _valid0;
if(!valid18){
const _errs56 = errors;
if(typeof data22 !== "string"){
const err36 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/type",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/type/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
if("out" !== data22){
const err37 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/type",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/type/anyOf/1/const",keyword:"const",params:{allowedValue: "out"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
var _valid0 = _errs56 === errors;
valid18 = valid18 || _valid0;
}
if(!valid18){
const err38 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/type",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/type/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
else {
errors = _errs53;
if(vErrors !== null){
if(_errs53){
vErrors.length = _errs53;
}
else {
vErrors = null;
}
}
}
}
if(data21.action !== undefined){
if(typeof data21.action !== "string"){
const err39 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/action",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/action/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data21.source !== undefined){
if(typeof data21.source !== "string"){
const err40 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/source",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data21.dest !== undefined){
if(typeof data21.dest !== "string"){
const err41 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/dest",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/dest/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data21.proto !== undefined){
if(typeof data21.proto !== "string"){
const err42 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/proto",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/proto/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data21.port !== undefined){
let data27 = data21.port;
const _errs67 = errors;
let valid19 = false;
const _errs68 = errors;
if(typeof data27 !== "string"){
const err43 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/port",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/port/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
var _valid1 = _errs68 === errors;
valid19 = valid19 || _valid1;
if(!valid19){
const _errs70 = errors;
if(!((typeof data27 == "number") && (!(data27 % 1) && !isNaN(data27)))){
const err44 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/port",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/port/anyOf/1/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
var _valid1 = _errs70 === errors;
valid19 = valid19 || _valid1;
}
if(!valid19){
const err45 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/port",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/port/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
else {
errors = _errs67;
if(vErrors !== null){
if(_errs67){
vErrors.length = _errs67;
}
else {
vErrors = null;
}
}
}
}
if(data21.sport !== undefined){
let data28 = data21.sport;
const _errs73 = errors;
let valid20 = false;
const _errs74 = errors;
if(typeof data28 !== "string"){
const err46 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/sport",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/sport/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
var _valid2 = _errs74 === errors;
valid20 = valid20 || _valid2;
if(!valid20){
const _errs76 = errors;
if(!((typeof data28 == "number") && (!(data28 % 1) && !isNaN(data28)))){
const err47 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/sport",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/sport/anyOf/1/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
var _valid2 = _errs76 === errors;
valid20 = valid20 || _valid2;
}
if(!valid20){
const err48 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/sport",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/sport/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
else {
errors = _errs73;
if(vErrors !== null){
if(_errs73){
vErrors.length = _errs73;
}
else {
vErrors = null;
}
}
}
}
if(data21.iface !== undefined){
if(typeof data21.iface !== "string"){
const err49 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/iface",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/iface/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data21.log !== undefined){
if(typeof data21.log !== "string"){
const err50 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/log",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/log/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
if(data21.comment !== undefined){
if(typeof data21.comment !== "string"){
const err51 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/comment",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/comment/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
}
else {
const err52 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3,schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
}
else {
const err53 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data5.placement_constraints !== undefined){
let data32 = data5.placement_constraints;
if(Array.isArray(data32)){
const len4 = data32.length;
for(let i4=0; i4<len4; i4++){
let data33 = data32[i4];
if(typeof data33 === "string"){
if(func0(data33) < 1){
const err54 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/placement_constraints/" + i4,schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/placement_constraints/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
else {
const err55 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/placement_constraints/" + i4,schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/placement_constraints/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
}
else {
const err56 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/placement_constraints",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/properties/placement_constraints/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
}
else {
const err57 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/patternProperties/%5E(.*)%24/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
}
}
else {
const err58 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/environments/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
if(data2.placement_constraints !== undefined){
let data34 = data2.placement_constraints;
if(Array.isArray(data34)){
const len5 = data34.length;
for(let i5=0; i5<len5; i5++){
let data35 = data34[i5];
if(typeof data35 === "string"){
if(func0(data35) < 1){
const err59 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/placement_constraints/" + i5,schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/placement_constraints/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
else {
const err60 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/placement_constraints/" + i5,schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/placement_constraints/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
}
else {
const err61 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/placement_constraints",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/placement_constraints/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data2.compose_file_path !== undefined){
let data36 = data2.compose_file_path;
if(typeof data36 === "string"){
if(func0(data36) < 1){
const err62 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/compose_file_path",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/compose_file_path/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
else {
const err63 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/compose_file_path",schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/properties/compose_file_path/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
}
else {
const err64 = {instancePath:instancePath+"/docker_stacks/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/docker_stacks/patternProperties/%5E(.*)%24/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
}
}
else {
const err65 = {instancePath:instancePath+"/docker_stacks",schemaPath:"#/properties/docker_stacks/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
}
else {
const err66 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
validate3.errors = vErrors;
return errors === 0;
}

export const ManifestSchema = validate4;
const schema4 = {"additionalProperties":false,"description":"A stack manifest: stacks/<stack>/phoenix.json.","type":"object","properties":{"$schema":{"type":"string"},"description":{"type":"string"},"environments":{"description":"Absent: the stack deploys as plain compose in any environment.","type":"object","patternProperties":{"^(.*)$":{"additionalProperties":false,"type":"object","properties":{"variables":{"type":"array","items":{"additionalProperties":false,"type":"object","required":["name","value"],"properties":{"name":{"pattern":"^[A-Za-z_][A-Za-z0-9_]*$","type":"string"},"value":{"description":"A value, or a secret reference: `env:NAME`, `file:PATH`, `age:PATH` or `sops:PATH#KEY` (a reference is redacted like a `secret` value).","type":"string"},"secret":{"description":"Redact this value in every output.","type":"boolean"}}}},"files":{"type":"array","items":{"additionalProperties":false,"type":"object","required":["source","destination_in_container"],"properties":{"source":{"minLength":1,"description":"Relative to the stack folder; must stay inside it.","type":"string"},"destination_in_container":{"pattern":"^/","type":"string"},"service":{"description":"Only this service; default every service.","type":"string"}}}},"services":{"type":"object","patternProperties":{"^(.*)$":{"additionalProperties":false,"type":"object","required":["traefik_labels"],"properties":{"traefik_labels":{"type":"array","items":{"type":"string"}}}}}},"firewall_rules":{"type":"array","items":{"additionalProperties":false,"type":"object","required":["type","action"],"properties":{"type":{"description":"Direction.","anyOf":[{"const":"in","type":"string"},{"const":"out","type":"string"}]},"action":{"description":"ACCEPT, DROP, REJECT, or a PVE macro such as SSH(ACCEPT).","type":"string"},"source":{"type":"string"},"dest":{"type":"string"},"proto":{"type":"string"},"port":{"description":"Destination port(s).","anyOf":[{"type":"string"},{"type":"integer"}]},"sport":{"anyOf":[{"type":"string"},{"type":"integer"}]},"iface":{"type":"string"},"log":{"type":"string"},"comment":{"type":"string"}}}},"placement_constraints":{"description":"Swarm placement constraints (`node.labels.gpu == true`) for every service; ignored, with a note, for standalone deployments.","type":"array","items":{"minLength":1,"type":"string"}}}}}},"placement_constraints":{"description":"Swarm placement constraints (`node.labels.gpu == true`) for every service; ignored, with a note, for standalone deployments.","type":"array","items":{"minLength":1,"type":"string"}}}};

function validate4(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((key0 === "$schema") || (key0 === "description")) || (key0 === "environments")) || (key0 === "placement_constraints"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.$schema !== undefined){
if(typeof data.$schema !== "string"){
const err1 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.description !== undefined){
if(typeof data.description !== "string"){
const err2 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.environments !== undefined){
let data2 = data.environments;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
for(const key1 in data2){
if(pattern6.test(key1)){
let data3 = data2[key1];
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key2 in data3){
if(!(((((key2 === "variables") || (key2 === "files")) || (key2 === "services")) || (key2 === "firewall_rules")) || (key2 === "placement_constraints"))){
const err3 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data3.variables !== undefined){
let data4 = data3.variables;
if(Array.isArray(data4)){
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data5 = data4[i0];
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.name === undefined){
const err4 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/variables/" + i0,schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/variables/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data5.value === undefined){
const err5 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/variables/" + i0,schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/variables/items/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
for(const key3 in data5){
if(!(((key3 === "name") || (key3 === "value")) || (key3 === "secret"))){
const err6 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/variables/" + i0,schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/variables/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data5.name !== undefined){
let data6 = data5.name;
if(typeof data6 === "string"){
if(!pattern8.test(data6)){
const err7 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/variables/" + i0+"/name",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/variables/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\""};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/variables/" + i0+"/name",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/variables/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data5.value !== undefined){
if(typeof data5.value !== "string"){
const err9 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/variables/" + i0+"/value",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/variables/items/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data5.secret !== undefined){
if(typeof data5.secret !== "boolean"){
const err10 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/variables/" + i0+"/secret",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/variables/items/properties/secret/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/variables/" + i0,schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/variables/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/variables",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/variables/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data3.files !== undefined){
let data9 = data3.files;
if(Array.isArray(data9)){
const len1 = data9.length;
for(let i1=0; i1<len1; i1++){
let data10 = data9[i1];
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.source === undefined){
const err13 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/files/" + i1,schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/files/items/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data10.destination_in_container === undefined){
const err14 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/files/" + i1,schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/files/items/required",keyword:"required",params:{missingProperty: "destination_in_container"},message:"must have required property '"+"destination_in_container"+"'"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
for(const key4 in data10){
if(!(((key4 === "source") || (key4 === "destination_in_container")) || (key4 === "service"))){
const err15 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/files/" + i1,schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/files/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data10.source !== undefined){
let data11 = data10.source;
if(typeof data11 === "string"){
if(func0(data11) < 1){
const err16 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/files/" + i1+"/source",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/files/items/properties/source/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/files/" + i1+"/source",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/files/items/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data10.destination_in_container !== undefined){
let data12 = data10.destination_in_container;
if(typeof data12 === "string"){
if(!pattern9.test(data12)){
const err18 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/files/" + i1+"/destination_in_container",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/files/items/properties/destination_in_container/pattern",keyword:"pattern",params:{pattern: "^/"},message:"must match pattern \""+"^/"+"\""};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/files/" + i1+"/destination_in_container",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/files/items/properties/destination_in_container/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data10.service !== undefined){
if(typeof data10.service !== "string"){
const err20 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/files/" + i1+"/service",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/files/items/properties/service/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/files/" + i1,schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/files/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/files",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/files/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data3.services !== undefined){
let data14 = data3.services;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
for(const key5 in data14){
if(pattern6.test(key5)){
let data15 = data14[key5];
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
if(data15.traefik_labels === undefined){
const err23 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/services/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/services/patternProperties/%5E(.*)%24/required",keyword:"required",params:{missingProperty: "traefik_labels"},message:"must have required property '"+"traefik_labels"+"'"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
for(const key6 in data15){
if(!(key6 === "traefik_labels")){
const err24 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/services/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/services/patternProperties/%5E(.*)%24/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data15.traefik_labels !== undefined){
let data16 = data15.traefik_labels;
if(Array.isArray(data16)){
const len2 = data16.length;
for(let i2=0; i2<len2; i2++){
if(typeof data16[i2] !== "string"){
const err25 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/services/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/traefik_labels/" + i2,schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/services/patternProperties/%5E(.*)%24/properties/traefik_labels/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/services/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/traefik_labels",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/services/patternProperties/%5E(.*)%24/properties/traefik_labels/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/services/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/services/patternProperties/%5E(.*)%24/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
}
else {
const err28 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/services",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/services/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data3.firewall_rules !== undefined){
let data18 = data3.firewall_rules;
if(Array.isArray(data18)){
const len3 = data18.length;
for(let i3=0; i3<len3; i3++){
let data19 = data18[i3];
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
if(data19.type === undefined){
const err29 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3,schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data19.action === undefined){
const err30 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3,schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/required",keyword:"required",params:{missingProperty: "action"},message:"must have required property '"+"action"+"'"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
for(const key7 in data19){
if(!(func3.call(schema4.properties.environments.patternProperties["^(.*)$"].properties.firewall_rules.items.properties, key7))){
const err31 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3,schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data19.type !== undefined){
let data20 = data19.type;
const _errs48 = errors;
let valid16 = false;
const _errs49 = errors;
if(typeof data20 !== "string"){
const err32 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/type",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/type/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if("in" !== data20){
const err33 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/type",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/type/anyOf/0/const",keyword:"const",params:{allowedValue: "in"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
var _valid0 = _errs49 === errors;
valid16 = valid16 || _valid0;
if(!valid16){
const _errs51 = errors;
if(typeof data20 !== "string"){
const err34 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/type",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/type/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if("out" !== data20){
const err35 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/type",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/type/anyOf/1/const",keyword:"const",params:{allowedValue: "out"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
var _valid0 = _errs51 === errors;
valid16 = valid16 || _valid0;
}
if(!valid16){
const err36 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/type",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/type/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
else {
errors = _errs48;
if(vErrors !== null){
if(_errs48){
vErrors.length = _errs48;
}
else {
vErrors = null;
}
}
}
}
if(data19.action !== undefined){
if(typeof data19.action !== "string"){
const err37 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/action",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/action/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data19.source !== undefined){
if(typeof data19.source !== "string"){
const err38 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/source",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data19.dest !== undefined){
if(typeof data19.dest !== "string"){
const err39 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/dest",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/dest/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data19.proto !== undefined){
if(typeof data19.proto !== "string"){
const err40 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/proto",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/proto/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data19.port !== undefined){
let data25 = data19.port;
const _errs62 = errors;
let valid17 = false;
const _errs63 = errors;
if(typeof data25 !== "string"){
const err41 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/port",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/port/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
var _valid1 = _errs63 === errors;
valid17 = valid17 || _valid1;
if(!valid17){
const _errs65 = errors;
if(!((typeof data25 == "number") && (!(data25 % 1) && !isNaN(data25)))){
const err42 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/port",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/port/anyOf/1/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
var _valid1 = _errs65 === errors;
valid17 = valid17 || _valid1;
}
if(!valid17){
const err43 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/port",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/port/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
else {
errors = _errs62;
if(vErrors !== null){
if(_errs62){
vErrors.length = _errs62;
}
else {
vErrors = null;
}
}
}
}
if(data19.sport !== undefined){
let data26 = data19.sport;
const _errs68 = errors;
let valid18 = false;
const _errs69 = errors;
if(typeof data26 !== "string"){
const err44 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/sport",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/sport/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
var _valid2 = _errs69 === errors;
valid18 = valid18 || _valid2;
if(!valid18){
const _errs71 = errors;
if(!((typeof data26 == "number") && (!(data26 % 1) && !isNaN(data26)))){
const err45 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/sport",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/sport/anyOf/1/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
var _valid2 = _errs71 === errors;
valid18 = valid18 || _valid2;
}
if(!valid18){
const err46 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/sport",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/sport/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
else {
errors = _errs68;
if(vErrors !== null){
if(_errs68){
vErrors.length = _errs68;
}
else {
vErrors = null;
}
}
}
}
if(data19.iface !== undefined){
if(typeof data19.iface !== "string"){
const err47 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/iface",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/iface/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data19.log !== undefined){
if(typeof data19.log !== "string"){
const err48 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/log",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/log/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data19.comment !== undefined){
if(typeof data19.comment !== "string"){
const err49 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3+"/comment",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/properties/comment/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
}
else {
const err50 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules/" + i3,schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
}
else {
const err51 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/firewall_rules",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/firewall_rules/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data3.placement_constraints !== undefined){
let data30 = data3.placement_constraints;
if(Array.isArray(data30)){
const len4 = data30.length;
for(let i4=0; i4<len4; i4++){
let data31 = data30[i4];
if(typeof data31 === "string"){
if(func0(data31) < 1){
const err52 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/placement_constraints/" + i4,schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/placement_constraints/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
else {
const err53 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/placement_constraints/" + i4,schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/placement_constraints/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
}
else {
const err54 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/placement_constraints",schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/properties/placement_constraints/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
}
else {
const err55 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/environments/patternProperties/%5E(.*)%24/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
}
}
else {
const err56 = {instancePath:instancePath+"/environments",schemaPath:"#/properties/environments/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data.placement_constraints !== undefined){
let data32 = data.placement_constraints;
if(Array.isArray(data32)){
const len5 = data32.length;
for(let i5=0; i5<len5; i5++){
let data33 = data32[i5];
if(typeof data33 === "string"){
if(func0(data33) < 1){
const err57 = {instancePath:instancePath+"/placement_constraints/" + i5,schemaPath:"#/properties/placement_constraints/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
else {
const err58 = {instancePath:instancePath+"/placement_constraints/" + i5,schemaPath:"#/properties/placement_constraints/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
}
else {
const err59 = {instancePath:instancePath+"/placement_constraints",schemaPath:"#/properties/placement_constraints/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
}
else {
const err60 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
validate4.errors = vErrors;
return errors === 0;
}
