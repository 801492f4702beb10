import packageJson from "../../package.json";

/** The running Goldloop version, from package.json. */
export const goldloopVersion: string = packageJson.version;
