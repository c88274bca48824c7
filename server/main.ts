// Entry point of the account service. The service itself arrives with the account-service issue; until then
// `npm start` only builds the extension, and this entry says so instead of pretending to serve.
console.log('Rampart account service: not built yet (see the open issue "Account service and the VPN gateway").');
