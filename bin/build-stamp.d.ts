// Types of build-stamp.js (plain JavaScript: it runs before anything is compiled).
export declare const PROJECT_DIR: string;
export declare const DIST_DIR: string;
export declare const STAMP_FILE: string;
export declare function sourceStamp(): string;
export declare function isBuildFresh(): boolean;
