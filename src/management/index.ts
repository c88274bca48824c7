// Remote management, pure: which problems a device's reported state shows, and how the portal names them.
export {
  deviceProblems,
  detectionKey,
  noResolutions,
  openDetections,
  type DetectionResolutions,
} from './problems';
