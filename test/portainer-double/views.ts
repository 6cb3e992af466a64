/**
 * How the double presents its state: the full objects the contract describes, with every
 * field it marks required, so the double's answers validate against the contract.
 */
import type { DoubleEndpoint, DoubleStack } from './model.js';

/** The full `portaineree.Endpoint` the API returns (every field the contract requires). */
export function endpointView(e: DoubleEndpoint): Record<string, unknown> {
  return {
    Id: e.Id,
    Name: e.Name,
    Type: e.Type,
    URL: e.URL,
    PublicURL: '',
    GroupId: e.GroupId,
    Status: 1,
    TagIds: [],
    Agent: { Version: '2.44.0' },
    ChangeWindow: { Enabled: false, EndTime: '', StartTime: '' },
    ComposeSyntaxMaxVersion: '3.9',
    ContainerEngine: 'docker',
    Edge: { AsyncMode: false, CommandInterval: 0, PingInterval: 0, SnapshotInterval: 0 },
    EdgeCheckinInterval: 0,
    EdgeKey: '',
    EnableImageNotification: false,
    Kubernetes: {
      Configuration: { AllowNoneIngressClass: false, IngressAvailabilityPerNamespace: false },
      Flags: {
        IsServerIngressClassDetected: false,
        IsServerMetricsDetected: false,
        IsServerStorageDetected: false,
      },
    },
    LastCheckInDate: 0,
    LocalTimeZone: '',
    SecuritySettings: Object.fromEntries(
      [
        'allowBindMountsForRegularUsers',
        'allowContainerCapabilitiesForRegularUsers',
        'allowDeviceMappingForRegularUsers',
        'allowHostNamespaceForRegularUsers',
        'allowPrivilegedModeForRegularUsers',
        'allowSecurityOptForRegularUsers',
        'allowStackManagementForRegularUsers',
        'allowSysctlSettingForRegularUsers',
        'allowVolumeBrowserForRegularUsers',
        'enableHostManagementFeatures',
      ].map((k) => [k, false]),
    ),
    StatusMessage: {},
    TLSConfig: { TLS: e.TLS, TLSSkipVerify: e.TLS },
  };
}

/** The `portaineree.Stack` the API returns. */
export function stackView(s: DoubleStack): Record<string, unknown> {
  return {
    Id: s.Id,
    Name: s.Name,
    Type: s.Type,
    EndpointId: s.EndpointId,
    SwarmId: s.SwarmId,
    Env: s.Env,
    EntryPoint: 'docker-compose.yml',
    ProjectPath: `/data/compose/${s.Id}`,
    Status: 1,
    CreationDate: s.CreationDate,
    CreatedBy: 'admin',
    UpdateDate: s.UpdateDate,
    UpdatedBy: s.UpdateDate ? 'admin' : '',
  };
}
