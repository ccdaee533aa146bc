// The second Jobs API of the end-to-end tests (e2e/vendor-simulator.ts): on the port after the
// stack's simulator, and listed in the stack's JOBS_API_BASE_URLS so a workspace can connect to it.
// Tests run one at a time, so one port serves every vendor in turn.
export const VENDOR_PORT = Number(process.env.E2E_SIMULATOR_PORT ?? 4110) + 1;
export const VENDOR_URL = `http://127.0.0.1:${VENDOR_PORT}`;
