/**
 * The firewall stage: Proxmox VE files (`backend: pve`) or one nftables table
 * (`backend: nftables`), plus the rule validators config validation shares.
 */
import type { SyncSettings } from '../../config/settings.js';
import type { Provider } from '../provider.js';
import { NftFirewallProvider, type NftProviderOptions } from './nft-provider.js';
import { PveFirewallProvider } from './pve-provider.js';

export { PveFirewallProvider } from './pve-provider.js';
export { NftFirewallProvider, planNft, NFT_FILE_KIND, NFT_TABLE_KIND } from './nft-provider.js';
export type { NftLive, NftProviderOptions } from './nft-provider.js';
export { planPve, PVE_FILE_KIND } from './pve-plan.js';
export { renderNft } from './nft-render.js';
export { mergePveFile, renderPveRule } from './pve-render.js';
export {
  isValidAction,
  isValidAddressSpec,
  isValidIface,
  isValidLogLevel,
  isValidPortSpec,
  isValidProto,
  nftRuleProblems,
  ruleProblems,
} from '../../syntax/firewall/validate.js';
export type { RuleProblem, RuleScope } from '../../syntax/firewall/validate.js';

/** The provider for the configured backend. `nft` says how to run nft (default `['nft']`). */
export function firewallProvider(
  settings: SyncSettings['firewall'],
  opts: NftProviderOptions = {},
): Provider {
  return settings.backend === 'nftables' ? new NftFirewallProvider(opts) : new PveFirewallProvider();
}
