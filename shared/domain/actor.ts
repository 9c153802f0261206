/** Who is acting: the dispatcher's user id, or a system actor such as `scheduler`. */
export type Actor = string;
