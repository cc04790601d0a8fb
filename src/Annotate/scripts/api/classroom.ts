import { ApiError, getJson, request } from './http';
import type { Visibility } from './projects';
import type { Session } from './types';
import type { ExerciseMode } from './exercises';

// Wire types of the classroom endpoints: a teacher's class (join code) and dashboard, and a student's join.

export interface ClassInfo {
  projectId: string;
  /** 8 characters, e.g. "K7PQ4XMA"; matched ignoring case and separators. */
  code: string;
  /** Whether new students may join with the code. */
  open: boolean;
  /** "/join?code=…": the origin goes in front of it. */
  joinPath: string;
}

export interface StudentPresence {
  documentId: string;
  block: number | null;
}

export interface StudentProgress {
  userId: string;
  name: string;
  /** "annotator" for a student; "owner", "curator" for the teacher's side. */
  role: string;
  joinedAt: string;
  annotations: number;
  documents: number;
  present: StudentPresence[];
  /** Documents assigned to this student when the project spreads its documents; null otherwise. */
  assigned?: number | null;
  /** When they first came (joined with the code or followed their personal link); null while they have not. */
  arrivedAt?: string | null;
  /** Whether the teacher can issue them a new personal link (a student of this class, not an account). */
  personalLink?: boolean;
  /** A student's documents with their progress on each; null for the teacher's side. */
  work?: DocumentWork[] | null;
}

/** One of a person's documents and how far they are with it. */
export interface DocumentWork {
  documentId: string;
  title: string;
  /** Their live annotations on it, document labels included. */
  annotations: number;
  /** Whether they gave it a document-level label (the stance). */
  stance: boolean;
  done: boolean;
  /** When they marked it done; null while it is not. */
  doneAt: string | null;
}

export interface ClassDashboard {
  class: ClassInfo | null;
  visibility: Visibility;
  students: StudentProgress[];
  /** The teacher's instruction that students read above their documents; null when none. */
  instruction?: string | null;
}

/** "Your documents": the teacher's instruction and the caller's own documents. */
export interface YourDocuments {
  projectId: string;
  instruction: string | null;
  documents: DocumentWork[];
  /** Whether the caller is a student here (joined the class, or given documents of their own): only they see the panel. */
  student: boolean;
  /** The project's exercise mode: whether a Done brings feedback against the teacher's key ("off" when not). */
  exercise?: ExerciseMode;
}

/** The caller's Done mark on a document after a change. */
export interface DoneMark {
  documentId: string;
  done: boolean;
  doneAt: string | null;
}

export interface InstructionView {
  text: string | null;
}

export interface JoinRequest {
  code: string;
  displayName: string;
  attributes?: Record<string, string>;
}

/** A student added from a list: the ticket and its link are in this answer only. */
export interface AddedStudent {
  userId: string;
  name: string;
  ticket: string;
  /** "/join?ticket=…": the origin goes in front of it. */
  joinPath: string;
}

const classPath = (id: string) => `/api/projects/${encodeURIComponent(id)}/class`;

const donePath = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/done`;

export const classroomApi = {
  /** The caller's documents with their progress, and the teacher's instruction; 403 for a viewer. */
  myDocuments: (projectId: string, signal?: AbortSignal) =>
    getJson<YourDocuments>(`/api/projects/${encodeURIComponent(projectId)}/my-documents`, undefined, signal),

  /** Marks one's own work on the document done (true) or reopens it (false); 404 for a document one may not annotate. */
  async setDone(documentId: string, done: boolean): Promise<DoneMark> {
    const mark = await request<DoneMark>(done ? 'PUT' : 'DELETE', donePath(documentId));
    if (!mark) throw new ApiError(500, 'Empty answer from the server', 'The server did not say whether the document is done.');
    return mark;
  },

  /** Owners: the plain-text instruction students read (empty removes it); 400 naming `text`. */
  async setInstruction(text: string, projectId: string): Promise<InstructionView> {
    return (await request<InstructionView>('PUT', `${classPath(projectId)}/instruction`, { body: { text } })) ?? { text: null };
  },

  /** Owners and curators only: 403 for anyone else. */
  dashboard: (projectId: string, signal?: AbortSignal) =>
    getJson<ClassDashboard>(classPath(projectId), undefined, signal),

  /** A new join code (the old one stops working), open for joining. */
  async start(projectId: string): Promise<ClassInfo> {
    const info = await request<ClassInfo>('POST', classPath(projectId));
    if (!info) throw new ApiError(500, 'Empty answer from the server', 'The server did not return the new class.');
    return info;
  },

  async setOpen(open: boolean, projectId: string): Promise<ClassInfo> {
    const info = await request<ClassInfo>('PATCH', classPath(projectId), { body: { open } });
    if (!info) throw new ApiError(500, 'Empty answer from the server', 'The server did not return the class.');
    return info;
  },

  /** Adds students from a pasted list (one name per line); 400 naming `names` or `names[i]`. */
  async addStudents(names: string, projectId: string): Promise<AddedStudent[]> {
    return (await request<AddedStudent[]>('POST', `${classPath(projectId)}/students`, { body: { names } })) ?? [];
  },

  /** A new personal link for a student of the class (the old one stops working); 404 "Not a student". */
  async reissueLink(userId: string, projectId: string): Promise<AddedStudent> {
    const student = await request<AddedStudent>('POST', `${classPath(projectId)}/students/${encodeURIComponent(userId)}/ticket`);
    if (!student) throw new ApiError(500, 'Empty answer from the server', 'The server did not return the new link.');
    return student;
  },

  /** Whom a personal link would sign in, without signing in; 404 "Unknown link" like the join. */
  async previewTicket(ticket: string): Promise<Session> {
    const student = await request<Session>('POST', '/api/session/join/preview', { body: { ticket }, expectUnauthorized: true });
    if (!student) throw new ApiError(500, 'Checking the link failed', 'The server did not say whom the link is for.');
    return student;
  },

  /** Anonymous sign-in with a personal link's ticket; 404 "Unknown link". Works even when joining is closed. */
  async joinWithTicket(ticket: string): Promise<Session> {
    const session = await request<Session>('POST', '/api/session/join', { body: { ticket }, expectUnauthorized: true });
    if (!session) throw new ApiError(500, 'Signing in failed', 'The server did not return a session.');
    return session;
  },

  /** Anonymous: 404 "No such class" for an unknown or closed code; 400 naming code, displayName or attributes.X. */
  async join(join: JoinRequest): Promise<Session> {
    const session = await request<Session>('POST', '/api/session/join', { body: join, expectUnauthorized: true });
    if (!session) throw new ApiError(500, 'Joining failed', 'The server did not return a session.');
    return session;
  },
};
