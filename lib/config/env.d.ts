/** Build-time settings, read from the environment by Vite (see README, "Build settings"). */
interface ImportMetaEnv {
  /** The AI Pass (or compatible) origin the build talks to by default. */
  readonly WXT_SERVER_URL?: string;
  /** The OAuth client ID registered for this build. */
  readonly WXT_CLIENT_ID?: string;
}
